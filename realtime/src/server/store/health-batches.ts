import type { HealthRecord } from '../health/records.ts';

/**
 * Health records waiting for a store's next write (SessionStore.recordHealth): gathered per
 * session for the rest of the event loop's turn, then handed to `write` as one batch per session.
 * The Redis and Firebase stores share it; the SQLite store sends its records with its writer's
 * batches instead.
 */
export interface HealthBatches {
  /** Queues records for `sessionId`; the first of a turn schedules the write. */
  add(sessionId: string, records: readonly HealthRecord[]): void;
  /** Writes what is queued now instead of at the end of the turn. */
  flush(): void;
  /** Writes what is queued now; settles once every batch handed over so far is written or lost. */
  written(): Promise<unknown>;
}

/**
 * `write` stores one session's batch. Its failure is swallowed: a health fact that does not reach
 * the store (its session was deleted, the database is away) is lost, and never fails an answer.
 */
export function createHealthBatches(
  write: (sessionId: string, records: HealthRecord[]) => Promise<unknown>,
): HealthBatches {
  let pending = new Map<string, HealthRecord[]>();
  let written: Promise<unknown> = Promise.resolve();
  const writePending = () => {
    const batch = pending;
    pending = new Map();
    const writes = [...batch].map(([sessionId, records]) =>
      write(sessionId, records).catch(() => undefined),
    );
    written = Promise.all([written, ...writes]);
  };
  const flush = () => {
    if (pending.size > 0) writePending();
  };
  return {
    add(sessionId, records) {
      if (records.length === 0) return;
      const queued = pending.get(sessionId);
      if (queued) queued.push(...records);
      else {
        if (pending.size === 0) setImmediate(writePending);
        pending.set(sessionId, [...records]);
      }
    },
    flush,
    written() {
      flush();
      return written;
    },
  };
}
