import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Kysely } from 'kysely';
import { webConfig } from './config.ts';
import { database } from './db.ts';
import { lastRetentionSuccess } from './data/retention-job-repository.ts';
import type { WebTables } from './data/tables.ts';
import { runRetentionPass, type RetentionPassResult } from './retention-job.ts';
import { retentionRealtimeOverHttp, type RetentionRealtime } from './retention-realtime.ts';
import { realtimeTokens } from './realtime-tokens.ts';
import { webMetrics, type WebMetrics } from './web-metrics.ts';

export interface RetentionJobOptions {
  db: Kysely<WebTables>;
  realtime: RetentionRealtime;
  metrics: WebMetrics;
  intervalMs: number;
  startDelayMs: number;
  now?: () => number;
  /** Each pass's result or error (the launchers log failures; tests wait on it). */
  onPass?(outcome: { result?: RetentionPassResult; error?: unknown }): void;
}

export interface RetentionJob {
  /** One pass now (also what the timer runs); resolves when it is done. */
  runOnce(): Promise<RetentionPassResult>;
  /** Stops the timer and waits for a running pass; safe to call twice. */
  stop(): Promise<void>;
}

/** A lease or a claim outlives a stalled replica by this much, then another may take over. */
const LEASE_MS = 30 * 60_000;

/**
 * Runs the retention pass after `startDelayMs` and then every `intervalMs` on this replica; the
 * lease in the database lets one replica per interval do the work (the others count a skip), and
 * every replica reports when the deployment's last pass succeeded.
 */
export function startRetentionJob(options: RetentionJobOptions): RetentionJob {
  const { db, metrics } = options;
  const now = options.now ?? Date.now;
  const replica = `${hostname()}:${process.pid}`;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<RetentionPassResult> | undefined;
  let stopped = false;

  const pass = async (): Promise<RetentionPassResult> => {
    const result = await runRetentionPass({
      db,
      realtime: options.realtime,
      holder: `${replica}:${randomUUID()}`,
      now,
      leaseMs: LEASE_MS,
      // A replica whose timer fires a little before another's does not run the day twice.
      minGapMs: options.intervalMs / 2,
      onDeleted: (kind, count) => metrics.retentionDeleted.inc({ kind }, count),
    });
    metrics.retentionRuns.inc({
      outcome: !result.ran ? 'skipped' : result.failures > 0 ? 'failure' : 'success',
    });
    const last = await lastRetentionSuccess(db);
    if (last !== null) metrics.retentionLastSuccess.set(last / 1000);
    return result;
  };

  const runOnce = (): Promise<RetentionPassResult> => {
    running ??= pass()
      .then(
        (result) => {
          options.onPass?.({ result });
          return result;
        },
        (error: unknown) => {
          metrics.retentionRuns.inc({ outcome: 'failure' });
          options.onPass?.({ error });
          throw error;
        },
      )
      .finally(() => {
        running = undefined;
      });
    return running;
  };

  const schedule = (delayMs: number) => {
    if (stopped) return;
    timer = setTimeout(() => {
      void runOnce()
        .catch(() => {})
        .finally(() => schedule(options.intervalMs));
    }, delayMs);
    timer.unref();
  };
  schedule(options.startDelayMs);

  let stopping: Promise<void> | undefined;
  return {
    runOnce,
    stop() {
      stopping ??= (async () => {
        stopped = true;
        clearTimeout(timer);
        await running?.catch(() => {});
      })();
      return stopping;
    },
  };
}

/**
 * The process's retention job over its own database and realtime tier (the production web server
 * and the embedded launcher start it); null where this process cannot sign realtime tokens, so it
 * could not delete sessions' answers (it then deletes nothing rather than only the library rows).
 */
export async function startProcessRetentionJob(
  onPass?: RetentionJobOptions['onPass'],
): Promise<RetentionJob | null> {
  const config = webConfig();
  const tokens = realtimeTokens(config);
  if (!tokens) return null;
  return startRetentionJob({
    db: await database(),
    realtime: retentionRealtimeOverHttp(config.realtimeInternalUrl, tokens),
    metrics: webMetrics(),
    ...config.retentionJob,
    ...(onPass ? { onPass } : {}),
  });
}

/** One line on stderr for a pass that failed or left something to retry (no student data in it). */
export function logRetentionPass({
  result,
  error,
}: {
  result?: RetentionPassResult;
  error?: unknown;
}): void {
  if (error !== undefined)
    process.stderr.write(
      `${JSON.stringify({ event: 'retention-pass-failed', message: error instanceof Error ? error.message : 'unknown error' })}\n`,
    );
  else if (result?.ran)
    process.stdout.write(`${JSON.stringify({ event: 'retention-pass', ...result })}\n`);
}
