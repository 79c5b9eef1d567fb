import type { Answer, Question } from '@classpulse/realtime/protocol';
import { correctText, formatPoints, gradeOf, VERDICT_TEXT } from '../../lib/grading.ts';
import styles from './student.module.css';

const MARK = { correct: '✓', partly: '◐', incorrect: '✗' } as const;

/**
 * Once the teacher reveals the correct answer (even with the class's results hidden): whether
 * the student's own answer is correct, partly correct or incorrect, the points it earned, and
 * the correct answer in words. Nothing for a poll or before the reveal.
 */
export function OwnGrade({ question, answer }: { question: Question; answer: Answer | undefined }) {
  const grade = answer ? gradeOf(question, answer) : null;
  const correct = correctText(question);
  if (!grade && !correct) return null;
  return (
    <section
      aria-label="Your result"
      className={`${styles.grade} ${grade ? styles[grade.verdict] : ''}`}
      role="status"
    >
      {grade ? (
        <p className={styles.verdict}>
          <span aria-hidden="true">{MARK[grade.verdict]} </span>
          {VERDICT_TEXT[grade.verdict]}: {grade.points} of {formatPoints(grade.of)}
        </p>
      ) : answer ? null : (
        <p className={styles.verdict}>You did not answer this question.</p>
      )}
      {correct ? <p className={styles.correctAnswer}>Correct answer: {correct}</p> : null}
    </section>
  );
}
