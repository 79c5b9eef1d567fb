import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { Worker } from 'node:worker_threads';
import { evolveAll, withoutStudent, type EngineEvent } from '../../engine/index.ts';
import type { SessionState } from '../../protocol/index.ts';
import { parseHealthBatch, type HealthRecord } from '../health/records.ts';
import {
  JoinCodeTakenError,
  SeqConflictError,
  type SessionStore,
  type SessionSummary,
} from './session-store.ts';
import { createSnapshotPacer } from './snapshot-pacing.ts';
import {
  configure,
  convertToIncrementalVacuum,
  SCHEMA,
  type WriteOp,
  type WriteReply,
  type WriteRequest,
  type WriteResult,
} from './sqlite-schema.ts';

export interface SqliteStoreOptions {
  path: string;
  /** "full" survives power loss; "normal" survives a process crash (WAL) and is faster. */
  synchronous: 'full' | 'normal';
  /**
   * At least N commands between snapshots; a snapshot also waits until the log since the last one
   * is as large as it (see snapshot-pacing.ts).
   */
  snapshotEvery: number;
}

/** Stored health batches read per query (each up to a write's worth of records). */
const HEALTH_ROWS_PER_PAGE = 16;

/**
 * Health records alone wait this long for company: a connection storm or a run of single
 * answers then costs one commit per interval, not one per record. Answers never wait for them.
 */
const HEALTH_LINGER_MS = 20;

/** An erasure raced by appends is compacted again, this many times at most. */
const ERASE_ATTEMPTS_MAX = 5;

interface Pending {
  op: WriteOp;
  resolve: (result: Extract<WriteResult, { ok: true }>) => void;
  reject: (error: Error) => void;
}

/**
 * Embedded store: an event log per session plus periodic snapshots, in SQLite (WAL). Writes go
 * to a writer thread (sqlite-writer.ts), so commits and their fsyncs never stall the event loop;
 * everything written while a commit runs goes into the next one ("group commit"), so a class
 * answering at once costs one fsync per batch instead of one per answer. Reads run here, on a
 * second connection: WAL lets them proceed during a commit, and a write's promise resolves only
 * after its commit, so a read that follows it sees it.
 */
export function createSqliteStore(options: SqliteStoreOptions): SessionStore {
  mkdirSync(dirname(options.path), { recursive: true });
  const db = new Database(options.path);
  configure(db, options.synchronous);
  db.exec(SCHEMA);
  convertToIncrementalVacuum(db);
  // Node 24 runs the writer's TypeScript as it is (type stripping), like the rest of the tier.
  const writer = new Worker(new URL('./sqlite-writer.ts', import.meta.url), {
    workerData: { path: options.path, synchronous: options.synchronous },
  });
  writer.unref();

  const q = {
    snapshot: db.prepare<[string], { snapshot_seq: number; snapshot: string }>(
      'SELECT snapshot_seq, snapshot FROM sessions WHERE id = ?',
    ),
    eventsAfter: db.prepare<[string, number], { seq: number; events: string }>(
      'SELECT seq, events FROM session_events WHERE session_id = ? AND seq > ? ORDER BY seq',
    ),
    findLive: db.prepare<[string], { id: string }>(
      `SELECT id FROM sessions WHERE join_code = ? AND status = 'live'`,
    ),
    list: db.prepare<[], SummaryRow>(
      'SELECT id, join_code, teacher_id, title, status, created_at FROM sessions ORDER BY created_at DESC',
    ),
    listByTeacher: db.prepare<[string], SummaryRow>(
      'SELECT id, join_code, teacher_id, title, status, created_at FROM sessions WHERE teacher_id = ? ORDER BY created_at DESC',
    ),
    /** A page of a session's health batches (each a JSON array), after the row id given. */
    health: db.prepare<[string, number, number], { id: number; records: string }>(
      'SELECT id, records FROM session_health WHERE session_id = ? AND id > ? ORDER BY id LIMIT ?',
    ),
  };

  const pacer = createSnapshotPacer(options.snapshotEvery);
  let queued: Pending[] = [];
  /** Health records not yet handed to the writer, per session; they ride with the next batch. */
  let health = new Map<string, HealthRecord[]>();
  /** Settles when every health record handed to the writer so far is committed (or failed). */
  let healthWritten: Promise<unknown> = Promise.resolve();
  let healthTimer: NodeJS.Timeout | null = null;
  /** Readers waiting for the pending health records to be handed to the writer. */
  const healthWanted: Array<() => void> = [];
  let inFlight: { id: number; batch: Pending[] } | null = null;
  let nextId = 1;
  let flushScheduled = false;
  let closed = false;
  let drained: (() => void) | null = null;
  let writerClosed: (() => void) | null = null;

  const fail = (batch: Pending[], error: Error) => {
    for (const p of batch) p.reject(error);
  };

  /** The pending health records as ops of the batch being sent; nobody waits on them. */
  const takeHealth = (): Pending[] => {
    if (healthTimer) clearTimeout(healthTimer);
    healthTimer = null;
    if (health.size === 0) return [];
    const ops: Pending[] = [];
    const settled: Array<Promise<unknown>> = [];
    for (const [sessionId, records] of health) {
      settled.push(
        new Promise((resolve) =>
          ops.push({
            op: { op: 'health', sessionId, recordsJson: JSON.stringify(records) },
            resolve,
            reject: resolve, // a lost health fact (e.g. its session was deleted) is not an error
          }),
        ),
      );
    }
    health = new Map();
    healthWritten = Promise.all([healthWritten, ...settled]);
    for (const wake of healthWanted.splice(0)) wake();
    return ops;
  };

  const flush = () => {
    flushScheduled = false;
    if (inFlight || (queued.length === 0 && health.size === 0)) return;
    const batch = [...queued, ...takeHealth()];
    queued = [];
    inFlight = { id: nextId++, batch };
    writer.postMessage({ id: inFlight.id, ops: batch.map((p) => p.op) } satisfies WriteRequest);
  };

  writer.on('message', (reply: WriteReply) => {
    if ('closed' in reply) return writerClosed?.();
    const current = inFlight;
    if (!current || current.id !== reply.id) return;
    inFlight = null;
    if ('failed' in reply) fail(current.batch, new Error(`SQLite write failed: ${reply.failed}`));
    else {
      current.batch.forEach((p, i) => {
        const result = reply.results[i];
        if (result?.ok) return p.resolve(result);
        if (result?.kind === 'code-taken') return p.reject(new JoinCodeTakenError());
        if (result?.kind === 'seq') return p.reject(new SeqConflictError(result.message));
        p.reject(new Error(result?.message ?? 'no result from the SQLite writer'));
      });
    }
    // Whatever arrived during that commit goes out at once, as the next batch (health records
    // only with answers, or after their linger).
    if (queued.length > 0 || ((drained || healthWanted.length > 0) && health.size > 0)) flush();
    else if (drained) drained();
    else if (health.size > 0) lingerHealth();
  });
  writer.on('error', (error: Error) => {
    const current = inFlight;
    inFlight = null;
    fail([...(current?.batch ?? []), ...queued.splice(0)], error);
    drained?.();
  });

  const lingerHealth = () => {
    if (healthTimer || closed) return;
    healthTimer = setTimeout(() => {
      healthTimer = null;
      if (!inFlight) flush();
    }, HEALTH_LINGER_MS);
    healthTimer.unref();
  };

  const enqueue = (op: WriteOp) =>
    new Promise<Extract<WriteResult, { ok: true }>>((resolve, reject) => {
      if (closed) return reject(new Error('store closed'));
      queued.push({ op, resolve, reject });
      if (!flushScheduled && !inFlight) {
        flushScheduled = true;
        setImmediate(flush);
      }
    });

  const store: SessionStore = {
    async create(state, events) {
      const snapshotJson = JSON.stringify(state);
      await enqueue({
        op: 'create',
        sessionId: state.id,
        joinCode: state.joinCode,
        teacherId: state.teacherId,
        title: state.deck.title,
        createdAt: state.createdAt,
        seq: state.seq,
        snapshotJson,
        eventsJson: JSON.stringify(events),
      });
      pacer.written(state.id, snapshotJson);
    },

    async load(sessionId) {
      const row = q.snapshot.get(sessionId);
      if (!row) return undefined;
      let state = JSON.parse(row.snapshot) as SessionState;
      let replayedBytes = 0;
      let replayed = 0;
      for (const { seq, events } of q.eventsAfter.all(sessionId, row.snapshot_seq)) {
        if (seq !== state.seq + 1)
          throw new Error(`session ${sessionId}: log gap before seq ${seq}`);
        state = evolveAll(state, JSON.parse(events) as EngineEvent[]) ?? state;
        replayedBytes += events.length;
        replayed++;
      }
      pacer.loaded(sessionId, row.snapshot.length, replayedBytes, replayed);
      return state;
    },

    async findLiveSessionId(joinCode) {
      return q.findLive.get(joinCode)?.id;
    },

    async append(sessionId, events, state) {
      const eventsJson = JSON.stringify(events);
      const snapshotJson = pacer.due(sessionId, eventsJson) ? JSON.stringify(state) : null;
      if (snapshotJson !== null) pacer.written(sessionId, snapshotJson);
      await enqueue({
        op: 'append',
        sessionId,
        seq: state.seq,
        eventsJson,
        snapshotJson,
        ended: events.some((e) => e.type === 'sessionEnded'),
      });
    },

    async delete(sessionId) {
      pacer.forget(sessionId);
      return (await enqueue({ op: 'delete', sessionId })).deleted === true;
    },

    async eraseStudent(sessionId, studentId) {
      // Records not yet written would outlive the erasure (they go out after it).
      const pending = health.get(sessionId);
      if (pending) {
        const kept = pending.filter(
          (record) => !('studentId' in record && record.studentId === studentId),
        );
        if (kept.length > 0) health.set(sessionId, kept);
        else health.delete(sessionId);
      }
      // Compacted against the log as read; an append in between makes the writer refuse it
      // ('seq'), and it is read again.
      for (let attempt = 0; ; attempt++) {
        const state = await store.load(sessionId);
        const erased = state && withoutStudent(state, studentId);
        const snapshotJson = erased ? JSON.stringify(erased) : null;
        try {
          await enqueue({
            op: 'erase',
            sessionId,
            studentId,
            seq: state?.seq ?? 0,
            snapshotJson,
          });
        } catch (error) {
          if (error instanceof SeqConflictError && attempt < ERASE_ATTEMPTS_MAX) continue;
          throw error;
        }
        if (snapshotJson !== null) pacer.written(sessionId, snapshotJson);
        return erased !== undefined;
      }
    },

    async list(teacherId) {
      const rows = teacherId === undefined ? q.list.all() : q.listByTeacher.all(teacherId);
      return rows.map(toSummary);
    },

    recordHealth(sessionId, records) {
      if (closed || records.length === 0) return;
      const pending = health.get(sessionId);
      if (pending) pending.push(...records);
      else health.set(sessionId, [...records]);
      if (!inFlight && !flushScheduled) lingerHealth();
    },

    async *readHealth(sessionId) {
      if (health.size > 0 && !closed) {
        // Sent now, or with the batch after the one in flight.
        await new Promise<void>((resolve) => {
          healthWanted.push(resolve);
          if (!inFlight) flush();
        });
      }
      await healthWritten;
      // A page of stored batches at a time (a million answers are ~200 MB of them); each page is
      // one finished query, so the reader connection is free between pages.
      let after = 0;
      for (;;) {
        const rows = q.health.all(sessionId, after, HEALTH_ROWS_PER_PAGE);
        for (const row of rows) yield parseHealthBatch(row.records);
        if (rows.length < HEALTH_ROWS_PER_PAGE) return;
        after = rows[rows.length - 1]!.id;
      }
    },

    async close() {
      if (closed) return;
      closed = true;
      if (healthTimer) clearTimeout(healthTimer);
      if (flushScheduled || inFlight || queued.length > 0 || health.size > 0) {
        await new Promise<void>((resolve) => {
          drained = resolve;
          flush();
        });
      }
      await new Promise<void>((resolve) => {
        writerClosed = resolve;
        writer.once('exit', () => resolve());
        writer.postMessage({ id: 0, close: true } satisfies WriteRequest);
      });
      db.close();
    },
  };
  return store;
}

interface SummaryRow {
  id: string;
  join_code: string;
  teacher_id: string;
  title: string;
  status: 'live' | 'ended';
  created_at: number;
}

function toSummary(row: SummaryRow): SessionSummary {
  return {
    id: row.id,
    joinCode: row.join_code,
    teacherId: row.teacher_id,
    title: row.title,
    status: row.status,
    createdAt: row.created_at,
  };
}
