'use client';

import { useFormatter, useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';
import styles from './student.module.css';

/**
 * Seconds left until a deadline (read against this device's clock). The class's timer on the
 * dashboard and the projector; on a student's page `own` says it is their own time (extended time
 * stretches it), which only that student ever sees. Its words are in `common` because teachers'
 * pages show it too.
 */
export function Countdown({ deadline, own = false }: { deadline: number; own?: boolean }) {
  const t = useTranslations('common.countdown');
  const format = useFormatter();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  const seconds = Math.max(0, Math.ceil((deadline - now) / 1000));
  const label = t('clock', {
    minutes: format.number(Math.floor(seconds / 60)),
    seconds: format.number(seconds % 60, { minimumIntegerDigits: 2 }),
  });
  return (
    <p
      className={styles.countdown}
      role="timer"
      aria-label={own ? t('ownSecondsLeft', { seconds }) : t('secondsLeft', { seconds })}
    >
      {/* A drawn clock: an emoji needs a font not every school machine has. */}
      <svg aria-hidden="true" width="1em" height="1em" viewBox="0 0 24 24" fill="none">
        <circle cx="12" cy="13" r="8" stroke="currentColor" strokeWidth="2" />
        <path d="M12 9v4l3 2M9 3h6" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
      </svg>{' '}
      {own ? t('own', { time: label }) : label}
    </p>
  );
}
