'use client';

import type { Answer, Question } from '@classpulse/realtime/protocol';
import { useLocale, useTranslations } from 'next-intl';
import { correctText, gradeOf } from '../../lib/grading.ts';
import { contentLanguage } from '../../lib/content-language.ts';
import styles from './student.module.css';

const MARK = { correct: '✓', partly: '◐', incorrect: '✗' } as const;

/**
 * Once the teacher reveals the correct answer (even with the class's results hidden): whether
 * the student's own answer is correct, partly correct or incorrect, the points it earned, and
 * the correct answer in words. Nothing for a poll or before the reveal; the live region itself is
 * always there, so screen readers announce the result when it appears.
 */
export function OwnGrade({
  question,
  answer,
  revealed,
  language,
}: {
  question: Question;
  answer: Answer | undefined;
  revealed: boolean;
  /** The deck's content language: the correct answer is the deck's own words. */
  language?: string | undefined;
}) {
  const t = useTranslations('student.grade');
  const grade = revealed && answer ? gradeOf(question, answer) : null;
  const locale = useLocale();
  const correct = revealed ? correctText(question, language ?? locale) : null;
  const shown = grade !== null || correct !== null;
  return (
    <div
      role="status"
      aria-label={t('label')}
      className={shown ? `${styles.grade} ${grade ? styles[grade.verdict] : ''}` : undefined}
    >
      {grade ? (
        <p className={styles.verdict}>
          <span aria-hidden="true">{MARK[grade.verdict]} </span>
          {t('points', { verdict: t(grade.verdict), points: grade.points, of: grade.of })}
        </p>
      ) : correct && !answer ? (
        <p className={styles.verdict}>{t('notAnswered')}</p>
      ) : null}
      {correct ? (
        <p className={styles.correctAnswer}>
          {t.rich('correctAnswer', {
            answer: correct,
            content: (chunks) => <span {...contentLanguage(language)}>{chunks}</span>,
          })}
        </p>
      ) : null}
    </div>
  );
}
