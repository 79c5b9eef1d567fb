'use client';

import type { SessionClientState } from '@classpulse/realtime/client';
import { useEffect, type RefObject } from 'react';
import { keepPaint } from './keep-paint.ts';

/**
 * Keeps the live view (`main`, once connected) for the next load of the page to paint at once
 * (kept-paint-mark.ts). After the browser painted it and only when idle: copying the page never
 * delays a tap; a newer view cancels the copy of an older one.
 */
export function useKeptPaint(main: RefObject<HTMLElement | null>, state: SessionClientState): void {
  useEffect(() => {
    const { status, sessionId, studentId, session } = state;
    if (status !== 'connected' || !sessionId || !studentId || !session) return;
    const keep = () => {
      if (main.current) keepPaint(sessionId, studentId, main.current);
    };
    if (typeof requestIdleCallback === 'function') {
      const handle = requestIdleCallback(keep, { timeout: 2000 });
      return () => cancelIdleCallback(handle);
    }
    const handle = setTimeout(keep, 200);
    return () => clearTimeout(handle);
  }, [main, state]);
}
