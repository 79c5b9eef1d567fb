'use client';

import type { FieldIssue } from './field-errors.ts';
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
        {issues.length === 1
          ? 'Fix 1 problem before saving'
          : `Fix ${issues.length} problems before saving`}
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
              <span className={styles.errorWhere}>{issue.where}:</span> {issue.message}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
