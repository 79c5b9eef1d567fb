'use client';

import { useTranslations } from 'next-intl';
import type { FieldIssue } from './field-errors.ts';
import { useIssueText } from './issue-text.ts';
import { AlertIcon } from './Icons.tsx';
import styles from './editor.module.css';

export const ERROR_SUMMARY_ID = 'error-summary';

/** Every problem that blocks saving, each a link that takes the teacher to its field. */
export function ErrorSummary({
  issues,
  onGoTo,
}: {
  issues: readonly FieldIssue[];
  onGoTo: (issue: FieldIssue) => void;
}) {
  const t = useTranslations('editor');
  const text = useIssueText();
  if (issues.length === 0) return null;
  return (
    <section
      id={ERROR_SUMMARY_ID}
      tabIndex={-1}
      className={styles.errorSummary}
      aria-labelledby={`${ERROR_SUMMARY_ID}-heading`}
    >
      <h2 id={`${ERROR_SUMMARY_ID}-heading`} className={styles.errorSummaryTitle}>
        <AlertIcon />
        {t('errorSummary.title', { count: issues.length })}
      </h2>
      <ul className={styles.errorSummaryList}>
        {issues.map((issue) => (
          <li key={`${issue.fieldId}\n${issue.message}`}>
            <a
              href={`#${issue.fieldId}`}
              onClick={(event) => {
                event.preventDefault();
                onGoTo(issue);
              }}
            >
              <span className={styles.errorWhere}>
                {t('errorSummary.where', { where: text.where(issue) })}
              </span>{' '}
              {text.message(issue.message)}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
