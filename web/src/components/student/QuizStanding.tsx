'use client';

import type { OwnStanding } from '@classpulse/realtime/protocol';
import { useTranslations } from 'next-intl';
import styles from './student.module.css';

/**
 * Quiz mode: the student's own points (revealed answers only) and, when the class has a
 * leaderboard, their rank: "12 points · 3rd of 27". Never anyone else's.
 */
export function QuizStanding({ standing }: { standing: OwnStanding }) {
  const t = useTranslations('student.standing');
  return (
    <p className={`card ${styles.standing}`} role="status" aria-live="polite">
      <span className={styles.standingLabel}>{t('label')}</span>{' '}
      <strong>
        {standing.rank === undefined || standing.of === undefined
          ? t('points', { points: standing.points })
          : t('ranked', { points: standing.points, rank: standing.rank, of: standing.of })}
      </strong>
    </p>
  );
}
