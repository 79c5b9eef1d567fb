import type { LeaderboardEntry } from '@classpulse/realtime/protocol';
import { useFormatter, useTranslations } from 'next-intl';
import styles from './projector.module.css';
import { useFitScale } from './use-fit-scale.ts';

/**
 * The top five on the wall (never the whole class): rank, nickname and points, large, and
 * shrunk to fit a small projector's screen (use-fit-scale.ts).
 */
export function Leaderboard({ entries }: { entries: LeaderboardEntry[] }) {
  const t = useTranslations('projector.projector');
  const format = useFormatter();
  const box = useFitScale<HTMLElement>();
  return (
    <section ref={box} className={styles.leaderboard} aria-labelledby="projector-leaderboard-title">
      <div className={styles.leaderboardInner}>
        <h1 id="projector-leaderboard-title" className={styles.title}>
          {t('leaderboard')}
        </h1>
        {entries.length === 0 ? (
          <p className={styles.waiting}>{t('noPoints')}</p>
        ) : (
          <ol className={styles.leaders} aria-label={t('topFive')}>
            {entries.map((entry) => (
              <li key={`${entry.rank}-${entry.name}`} className={styles.leader}>
                <span className={styles.rank} aria-label={t('rank', { rank: entry.rank })}>
                  {entry.rank}
                </span>
                <span className={styles.leaderName} translate="no">
                  {entry.name}
                </span>
                <span className={styles.leaderPoints}>
                  {t('points', {
                    count: entry.points,
                    n: format.number(entry.points, { maximumFractionDigits: 2 }),
                  })}
                </span>
              </li>
            ))}
          </ol>
        )}
      </div>
    </section>
  );
}
