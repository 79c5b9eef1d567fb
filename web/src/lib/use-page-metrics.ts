'use client';

import {
  startPageMetrics,
  type App,
  type PageMetrics,
  type PageTokenGrant,
} from '@classpulse/metrics-aggregator/reporter';
import type { ConnectionStatus } from '@classpulse/realtime/client';
import { useEffect, useRef, useState } from 'react';

/** Where this deployment's pages report (src/server/config.ts). */
export interface MetricsDestination {
  endpoint: string;
  sampleRate: number;
}

/** What a served page gets to report with (src/server/metrics-page-token.ts signs it). */
export interface MetricsSettings extends MetricsDestination {
  /** Signed when the page was served; null when this server has no token secret (no reports). */
  token: PageTokenGrant | null;
  /** The same-origin route the page renews its token with. */
  tokenRefreshUrl: string;
}

/**
 * Starts the page's metrics reporter in the browser. It starts during the first render rather
 * than in an effect, so an error while the rest of the page hydrates is already counted (and a
 * load that never gets interactive is reported as failed). `startPageMetrics` is idempotent per
 * document and app, so re-renders and React's double effects change nothing.
 */
export function usePageMetrics(app: App, settings: MetricsSettings): PageMetrics | null {
  const [metrics] = useState(() =>
    typeof window === 'undefined' || settings.token === null
      ? null
      : startPageMetrics({
          app,
          endpoint: settings.endpoint,
          sampleRate: settings.sampleRate,
          token: settings.token,
          tokenRefreshUrl: settings.tokenRefreshUrl,
        }),
  );
  return metrics;
}

/** Marks the page's load successful once `ready` (e.g. hydrated, or the first data arrived). */
export function useInteractive(metrics: PageMetrics | null, ready: boolean): void {
  useEffect(() => {
    if (ready) metrics?.interactive();
  }, [metrics, ready]);
}

/** Reports the live connection's transitions: connects, reconnects, drops, failed first connects. */
export function useConnectionMetrics(
  metrics: PageMetrics | null,
  transport: 'socket' | 'firebase',
  status: ConnectionStatus | undefined,
): void {
  const seen = useRef<{ last: ConnectionStatus | undefined; everConnected: boolean }>({
    last: undefined,
    everConnected: false,
  });
  useEffect(() => {
    const track = seen.current;
    const previous = track.last;
    track.last = status;
    if (!metrics || !status || status === previous) return;
    const dropped = status === 'reconnecting' || status === 'closed';
    if (status === 'connected') {
      metrics.connection(transport, track.everConnected ? 'reconnected' : 'connected');
      track.everConnected = true;
    } else if (previous === 'connected' && dropped) metrics.connection(transport, 'disconnected');
    else if (!track.everConnected && previous === 'connecting' && dropped)
      metrics.connection(transport, 'failed');
  }, [metrics, transport, status]);
}
