import type { Answer, Question } from '@classpulse/realtime/protocol';
import { correctText, formatPoints, gradeOf, VERDICT_TEXT } from '../../lib/grading.ts';
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
}: {
  question: Question;
  answer: Answer | undefined;
  revealed: boolean;
}) {
  const grade = revealed && answer ? gradeOf(question, answer) : null;
  const correct = revealed ? correctText(question) : null;
  const shown = grade !== null || correct !== null;
  return (
    <div
      role="status"
      aria-label="Your result"
      className={shown ? `${styles.grade} ${grade ? styles[grade.verdict] : ''}` : undefined}
    >
      {grade ? (
        <p className={styles.verdict}>
          <span aria-hidden="true">{MARK[grade.verdict]} </span>
          {VERDICT_TEXT[grade.verdict]}: {grade.points} of {formatPoints(grade.of)}
        </p>
      ) : correct && !answer ? (
        <p className={styles.verdict}>You did not answer this question.</p>
      ) : null}
      {correct ? <p className={styles.correctAnswer}>Correct answer: {correct}</p> : null}
    </div>
  );
}
