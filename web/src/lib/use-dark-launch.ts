'use client';

import type { PageMetrics } from '@classpulse/metrics-aggregator/reporter';
import { useEffect } from 'react';

/**
 * Firebase mode's dark launch on the student page: while `active` (joined, syncing through
 * Firebase) and the session's share is above 0, loads `dark-launch.ts` when the browser is idle
 * and lets it decide whether this student keeps a shadow connection. Nothing of it is in the
 * page's first load.
 */
export function useDarkLaunch(
  metrics: PageMetrics | null,
  realtimeUrl: string,
  share: number | undefined,
  active: boolean,
): void {
  useEffect(() => {
    if (!metrics || !active || !share) return;
    const running: { stop?: () => void; cancelled?: boolean } = {};
    const start = () =>
      void import('./dark-launch.ts')
        .then((m) => {
          if (running.cancelled) return;
          const shadow = m.startDarkLaunch({ share, realtimeUrl, metrics });
          if (shadow) running.stop = () => shadow.stop();
        })
        .catch(() => undefined);
    const idle =
      typeof requestIdleCallback === 'function'
        ? requestIdleCallback(start, { timeout: 5_000 })
        : window.setTimeout(start, 1_000);
    return () => {
      running.cancelled = true;
      if (typeof cancelIdleCallback === 'function') cancelIdleCallback(idle);
      window.clearTimeout(idle);
      running.stop?.();
    };
  }, [metrics, realtimeUrl, share, active]);
}
