import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import type { RejectReason } from '../catalog/beacon.ts';
import { beaconEnvelopeSchema } from '../catalog/catalog.ts';
import { checkEvent } from '../catalog/event-check.ts';
import { answerPreflight, applyCors } from './cors.ts';
import type { IngestMetrics } from './ingest-metrics.ts';
import type { PageRateLimiter } from './page-rate-limiter.ts';
import { readBody } from './read-body.ts';

export interface BeaconHandlerOptions {
  corsOrigins: '*' | readonly string[];
  maxBodyBytes: number;
  maxEventsPerBeacon: number;
  metrics: IngestMetrics;
  limiter: PageRateLimiter;
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
 * unchecked: the envelope is parsed with zod, every event checked against the catalog, and what
 * fails is dropped and counted by reason. A well-formed beacon always gets 204 (all kept) or 202
 * (some dropped, with counts), never an error a page would retry.
 */
export function createBeaconHandler(options: BeaconHandlerOptions) {
  const { metrics, limiter, logger } = options;

  const reject = (res: ServerResponse, status: number, reason: RejectReason, message: string) => {
    metrics.countRejected(reason);
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
    if (!envelope.success)
      return reject(res, 400, 'invalid_beacon', 'Expected {"v":1,"sid":"…","events":[…]}.');

    const { events, sid } = envelope.data;
    const considered = Math.min(events.length, options.maxEventsPerBeacon);
    const granted = limiter.take(sid, considered);
    let accepted = 0;
    // Allocated only when something is dropped: the common beacon is all valid.
    let dropped: Dropped | null = null;
    dropped = tally(metrics, dropped, 'too_many_events', events.length - considered);
    dropped = tally(metrics, dropped, 'rate_limited', considered - granted);
    for (let i = 0; i < granted; i += 1) {
      const check = checkEvent(events[i]);
      if (check.ok) {
        metrics.record(check.event);
        accepted += 1;
      } else dropped = tally(metrics, dropped, check.reason, 1);
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
