'use client';

import { useEffect, useState } from 'react';

/** The longest a browser timer waits (about 24.8 days); longer waits re-arm. */
const TIMER_MAX_MS = 2 ** 31 - 1;

/**
 * True once this device's clock passes `at` (undefined: never), re-rendering at that moment so a
 * due time passing changes the page without anything else happening.
 */
export function usePast(at: number | undefined): boolean {
  const [past, setPast] = useState(() => at !== undefined && Date.now() >= at);
  useEffect(() => {
    if (at === undefined) return setPast(false);
    let timer: ReturnType<typeof setTimeout>;
    const check = () => {
      const left = at - Date.now();
      setPast(left <= 0);
      if (left > 0) timer = setTimeout(check, Math.min(left + 50, TIMER_MAX_MS));
    };
    check();
    return () => clearTimeout(timer);
  }, [at]);
  return past;
}
