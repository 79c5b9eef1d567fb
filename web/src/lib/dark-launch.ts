import type { PageMetrics } from '@classpulse/metrics-aggregator/reporter';
import { browserStorage, type KeyValueStorage } from '@classpulse/realtime/client';
import {
  startShadowConnection,
  type ShadowConnection,
  type ShadowObservation,
} from '@classpulse/realtime/client/shadow';

/**
 * The dark launch of our WebSocket tier, loaded only by student pages on Firebase whose session
 * has a share above 0, after the page is interactive (use-dark-launch.ts). This browser takes
 * part when its sample point is below the share; then it keeps a shadow connection to the
 * realtime tier and reports what happens through the page's reporter, with catalog metrics only
 * (never an id). The connection carries no answers: the page keeps syncing through Firebase.
 */

const SAMPLE_KEY = 'classpulse:v1:dark-launch-sample';
const TOKEN_URL = '/api/dark-launch/token';

/**
 * This browser's place in [0, 1): drawn once and kept, so a student stays in or out of the
 * sample across reloads and sessions, and raising the share only ever adds students.
 */
export function samplePoint(storage: KeyValueStorage = browserStorage()): number {
  const stored = Number(storage.getItem(SAMPLE_KEY) ?? Number.NaN);
  if (stored >= 0 && stored < 1) return stored;
  const drawn = globalThis.crypto.getRandomValues(new Uint32Array(1))[0]! / 2 ** 32;
  try {
    storage.setItem(SAMPLE_KEY, String(drawn));
  } catch {
    // Storage full or refused: this page still decides once.
  }
  return drawn;
}

export function startDarkLaunch(options: {
  share: number;
  realtimeUrl: string;
  metrics: PageMetrics;
}): ShadowConnection | null {
  if (!(samplePoint() < options.share)) return null;
  let cached: { token: string; renewAt: number } | null = null;
  const token = async (): Promise<string | null> => {
    if (cached && cached.renewAt > Date.now()) return cached.token;
    const response = await fetch(TOKEN_URL, { method: 'POST', cache: 'no-store' });
    if (!response.ok) return null;
    const body = (await response.json()) as { token?: unknown; expiresInSeconds?: unknown };
    if (typeof body.token !== 'string') return null;
    const ttl = typeof body.expiresInSeconds === 'number' ? body.expiresInSeconds : 60;
    // Renewed at half its life, so a reconnect never presents an expired token.
    cached = { token: body.token, renewAt: Date.now() + ttl * 500 };
    return body.token;
  };
  return startShadowConnection({
    url: options.realtimeUrl,
    token,
    observe: (o) => reportShadow(options.metrics, o),
  });
}

/** socket.io's disconnect reasons as catalog values; anything else is `other`. */
const DISCONNECT_REASONS = {
  'io server disconnect': 'io_server_disconnect',
  'io client disconnect': 'io_client_disconnect',
  'ping timeout': 'ping_timeout',
  'transport close': 'transport_close',
  'transport error': 'transport_error',
  'parse error': 'parse_error',
} as const;

/** One observation of the shadow connection as catalog metrics. */
export function reportShadow(metrics: PageMetrics, o: ShadowObservation): void {
  const app = metrics.app;
  switch (o.type) {
    case 'connected':
      metrics.count('classroom_ws_dark_launch_connects_total', {
        app,
        result: 'success',
        failure_stage: 'none',
      });
      metrics.observe(
        'classroom_ws_dark_launch_connect_duration_seconds',
        { app, transport: o.transport },
        o.durationMs / 1000,
      );
      if (o.reconnect)
        metrics.count('classroom_ws_dark_launch_reconnects_total', { app, transport: o.transport });
      return;
    case 'failed':
      metrics.count('classroom_ws_dark_launch_connects_total', {
        app,
        result: 'failure',
        failure_stage: o.stage,
      });
      return;
    case 'disconnected':
      metrics.count('classroom_ws_dark_launch_disconnects_total', {
        app,
        reason:
          (
            DISCONNECT_REASONS as Record<
              string,
              (typeof DISCONNECT_REASONS)[keyof typeof DISCONNECT_REASONS]
            >
          )[o.reason] ?? 'other',
      });
      return;
    case 'rtt':
      metrics.observe(
        'classroom_ws_dark_launch_rtt_seconds',
        { app, transport: o.transport },
        o.rttMs / 1000,
      );
      return;
  }
}
