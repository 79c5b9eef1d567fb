import type { OwnStanding } from '@classpulse/realtime/protocol';
import { standingText } from '../../lib/quiz-format.ts';
import styles from './student.module.css';

/**
 * Quiz mode: the student's own points (revealed answers only) and, when the class has a
 * leaderboard, their rank: "12 points · 3rd of 27". Never anyone else's.
 */
export function QuizStanding({ standing }: { standing: OwnStanding }) {
  return (
    <p className={`card ${styles.standing}`} role="status" aria-live="polite">
      <span className={styles.standingLabel}>Your score</span>{' '}
      <strong>{standingText(standing)}</strong>
    </p>
  );
}
