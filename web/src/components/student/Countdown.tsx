'use client';

import { useEffect, useState } from 'react';
import styles from './student.module.css';

/** Seconds left until the server deadline (read against this device's clock). */
export function Countdown({ deadline }: { deadline: number }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  const seconds = Math.max(0, Math.ceil((deadline - now) / 1000));
  const label = `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
  return (
    <p className={styles.countdown} role="timer" aria-label={`${seconds} seconds left`}>
      {/* A drawn clock: an emoji needs a font not every school machine has. */}
      <svg aria-hidden="true" width="1em" height="1em" viewBox="0 0 24 24" fill="none">
        <circle cx="12" cy="13" r="8" stroke="currentColor" strokeWidth="2" />
        <path d="M12 9v4l3 2M9 3h6" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
      </svg>{' '}
      {label}
    </p>
  );
}
