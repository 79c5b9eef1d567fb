import { dueText } from '../../lib/quiz-format.ts';
import styles from './student.module.css';

/**
 * A homework's due time in the student's own locale and time zone, and, once it has passed, that
 * answers are closed (what they sent stays, and stays visible).
 */
export function DueNotice({ dueAt, past }: { dueAt: number; past: boolean }) {
  return past ? (
    <p className={`card ${styles.closed}`} role="status">
      <strong>Answers are closed.</strong> This homework was due {dueText(dueAt)}. Your answers are
      kept as you sent them.
    </p>
  ) : (
    <p className={styles.due}>
      Due <time dateTime={new Date(dueAt).toISOString()}>{dueText(dueAt)}</time>
    </p>
  );
}
