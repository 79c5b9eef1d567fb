import type { LeaderboardEntry } from '@classpulse/realtime/protocol';
import { pointsText } from '../../lib/quiz-format.ts';
import styles from './projector.module.css';
import { useFitScale } from './use-fit-scale.ts';

/**
 * The top five on the wall (never the whole class): rank, nickname and points, large, and
 * shrunk to fit a small projector's screen (use-fit-scale.ts).
 */
export function Leaderboard({ entries }: { entries: LeaderboardEntry[] }) {
  const box = useFitScale<HTMLElement>();
  return (
    <section ref={box} className={styles.leaderboard} aria-labelledby="projector-leaderboard-title">
      <div className={styles.leaderboardInner}>
        <h1 id="projector-leaderboard-title" className={styles.title}>
          Leaderboard
        </h1>
        {entries.length === 0 ? (
          <p className={styles.waiting}>No points yet: reveal a correct answer first.</p>
        ) : (
          <ol className={styles.leaders} aria-label="Top five">
            {entries.map((entry) => (
              <li key={`${entry.rank}-${entry.name}`} className={styles.leader}>
                <span className={styles.rank} aria-label={`Rank ${entry.rank}`}>
                  {entry.rank}
                </span>
                <span className={styles.leaderName}>{entry.name}</span>
                <span className={styles.leaderPoints}>{pointsText(entry.points)}</span>
              </li>
            ))}
          </ol>
        )}
      </div>
    </section>
  );
}
