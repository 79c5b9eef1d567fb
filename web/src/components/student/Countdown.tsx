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
    <p className={styles.countdown} aria-label={`${seconds} seconds left`}>
      ⏱ {label}
    </p>
  );
}
