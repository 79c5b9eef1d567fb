import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import type { RejectReason } from '../catalog/beacon.ts';
import { beaconEnvelopeSchema, outdatedBeaconSchema } from '../catalog/catalog.ts';
import { checkEvent } from '../catalog/event-check.ts';
import { verifyPageToken, type PageTokenKey } from '../page-token/page-token.ts';
import { answerPreflight, applyCors } from './cors.ts';
import type { IngestMetrics } from './ingest-metrics.ts';
import type { MetricCeiling } from './metric-ceiling.ts';
import { onceSlot } from './once-per-page.ts';
import type { PageRateLimiter } from './page-rate-limiter.ts';
import { readBody } from './read-body.ts';

export interface BeaconHandlerOptions {
  corsOrigins: '*' | readonly string[];
  maxBodyBytes: number;
  maxEventsPerBeacon: number;
  metrics: IngestMetrics;
  limiter: PageRateLimiter;
  ceiling: MetricCeiling;
  pageTokenKey: PageTokenKey;
  /** Milliseconds: token expiry and the global ceiling's clock. */
  now: () => number;
  logger: Logger;
}

type Dropped = Partial<Record<RejectReason, number>>;

/** Counts `count` dropped events under `reason`, for the metrics and for the 202's body. */
function tally(
  metrics: IngestMetrics,
  dropped: Dropped | null,
  reason: RejectReason,
  count: number,
): Dropped | null {
  if (count <= 0) return dropped;
  metrics.countRejected(reason, count);
  const tallied = dropped ?? {};
  tallied[reason] = (tallied[reason] ?? 0) + count;
  return tallied;
}

const ACCEPTED_TYPES = new Set(['', 'text/plain', 'application/json']);

function answerError(
  res: ServerResponse,
  status: number,
  code: RejectReason | 'method_not_allowed',
  message: string,
): void {
  res.writeHead(status, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
  res.end(JSON.stringify({ error: { code, message } }));
}

/**
 * `POST /v1/beacon` (and its preflight). Never lets a client's input reach the registry
 * unchecked: the envelope is parsed with zod, its page token verified (the web app signed it),
 * every event checked against the catalog, the page's rate limit, "once per page" and the
 * metric's global ceiling, and what fails is dropped and counted by reason. A well-formed beacon
 * with a good token always gets 204 (all kept) or 202 (some dropped, with counts), never an error
 * a page would retry; a bad token gets 401 (4xx: a page does not retry it).
 */
export function createBeaconHandler(options: BeaconHandlerOptions) {
  const { metrics, limiter, ceiling, logger } = options;

  /** Refuses the whole beacon; `count` is what is dropped (a refused token drops its events). */
  const reject = (
    res: ServerResponse,
    status: number,
    reason: RejectReason,
    message: string,
    count = 1,
  ) => {
    metrics.countRejected(reason, count);
    metrics.countBeacon('rejected');
    logger.debug({ reason }, 'beacon rejected');
    answerError(res, status, reason, message);
  };

  function ingest(body: string | null, res: ServerResponse): void {
    if (body === null) {
      // Stop reading an oversized upload: answer, then close the connection.
      res.setHeader('Connection', 'close');
      reject(
        res,
        413,
        'body_too_large',
        `A beacon may have at most ${options.maxBodyBytes} bytes.`,
      );
      return;
    }
    let json: unknown;
    try {
      json = JSON.parse(body);
    } catch {
      return reject(res, 400, 'invalid_json', 'The body is not JSON.');
    }
    const envelope = beaconEnvelopeSchema.safeParse(json);
    if (!envelope.success) {
      if (outdatedBeaconSchema.safeParse(json).success)
        return reject(
          res,
          400,
          'outdated_beacon',
          'This beacon format is no longer accepted: reload the page to report again.',
        );
      return reject(res, 400, 'invalid_beacon', 'Expected {"v":2,"t":"…","events":[…]}.');
    }

    const { events, t } = envelope.data;
    const now = options.now();
    const token = verifyPageToken(options.pageTokenKey, t, now);
    // Every event of a refused token is dropped under its reason (at least one per beacon).
    if (!token.ok)
      return reject(
        res,
        401,
        token.reason,
        token.reason === 'token_expired'
          ? 'The page token has expired: the page renews it.'
          : 'The page token is not valid.',
        Math.max(1, events.length),
      );

    const page = limiter.enter(token.pageId, token.expiresAtMs);
    const considered = Math.min(events.length, options.maxEventsPerBeacon);
    const granted = limiter.take(page, considered);
    let accepted = 0;
    // Allocated only when something is dropped: the common beacon is all valid.
    let dropped: Dropped | null = null;
    dropped = tally(metrics, dropped, 'too_many_events', events.length - considered);
    dropped = tally(metrics, dropped, 'rate_limited', considered - granted);
    for (let i = 0; i < granted; i += 1) {
      const check = checkEvent(events[i]);
      if (!check.ok) {
        dropped = tally(metrics, dropped, check.reason, 1);
        continue;
      }
      // Before the ceiling, so a replayed duplicate does not use up the metric's allowance.
      const slot = onceSlot(check.event);
      if (slot >= 0 && !limiter.claimOnce(page, slot)) {
        dropped = tally(metrics, dropped, 'once_per_page', 1);
        continue;
      }
      if (!ceiling.admit(check.event.m, now)) {
        dropped = tally(metrics, dropped, 'metric_ceiling', 1);
        continue;
      }
      metrics.record(check.event);
      accepted += 1;
    }
    metrics.countAccepted(accepted);

    if (accepted === events.length) {
      metrics.countBeacon('accepted');
      res.writeHead(204);
      res.end();
      return;
    }
    metrics.countBeacon(accepted > 0 ? 'partial' : 'rejected');
    res.writeHead(202, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
    res.end(JSON.stringify({ accepted, dropped }));
  }

  return function handleBeacon(req: IncomingMessage, res: ServerResponse): void {
    const cors = applyCors(options.corsOrigins, req, res);
    if (req.method === 'OPTIONS') {
      if (cors === 'denied')
        return answerError(res, 403, 'origin_not_allowed', 'This origin may not report metrics.');
      return answerPreflight(res);
    }
    if (req.method !== 'POST') {
      res.setHeader('Allow', 'POST, OPTIONS');
      return answerError(res, 405, 'method_not_allowed', 'Send beacons with POST.');
    }
    if (cors === 'denied')
      return reject(res, 403, 'origin_not_allowed', 'This origin may not report metrics.');
    const mediaType = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
    if (!ACCEPTED_TYPES.has(mediaType))
      return reject(
        res,
        415,
        'unsupported_media_type',
        'Send JSON as text/plain or application/json.',
      );

    readBody(req, options.maxBodyBytes, (body) => ingest(body, res));
  };
}
