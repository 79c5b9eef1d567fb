import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { evolveAll, type EngineEvent } from '../../engine/index.ts';
import type { SessionState } from '../../protocol/index.ts';
import {
  JoinCodeTakenError,
  SeqConflictError,
  type SessionStore,
  type SessionSummary,
} from './session-store.ts';
import { createSnapshotPacer } from './snapshot-pacing.ts';

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

interface PendingAppend {
  sessionId: string;
  seq: number;
  eventsJson: string;
  snapshotJson: string | null;
  ended: boolean;
  resolve: () => void;
  reject: (error: Error) => void;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS sessions (
  id TEXT PRIMARY KEY,
  join_code TEXT NOT NULL,
  teacher_id TEXT NOT NULL,
  title TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('live', 'ended')),
  created_at INTEGER NOT NULL,
  snapshot_seq INTEGER NOT NULL,
  snapshot TEXT NOT NULL
);
CREATE UNIQUE INDEX IF NOT EXISTS sessions_live_join_code ON sessions (join_code) WHERE status = 'live';
CREATE INDEX IF NOT EXISTS sessions_teacher ON sessions (teacher_id, created_at);
CREATE TABLE IF NOT EXISTS session_events (
  session_id TEXT NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
  seq INTEGER NOT NULL,
  events TEXT NOT NULL,
  PRIMARY KEY (session_id, seq)
) WITHOUT ROWID;
`;

/**
 * Embedded store: an event log per session plus periodic snapshots, in SQLite (WAL). Appends
 * made in one event-loop turn are committed in one transaction ("group commit"), so a class
 * answering at once costs one fsync per turn instead of one per answer.
 */
export function createSqliteStore(options: SqliteStoreOptions): SessionStore {
  mkdirSync(dirname(options.path), { recursive: true });
  const db = new Database(options.path);
  db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${options.synchronous === 'full' ? 'FULL' : 'NORMAL'}`);
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  db.exec(SCHEMA);

  const q = {
    insertSession: db.prepare(
      `INSERT INTO sessions (id, join_code, teacher_id, title, status, created_at, snapshot_seq, snapshot)
       VALUES (@id, @joinCode, @teacherId, @title, 'live', @createdAt, @seq, @snapshot)`,
    ),
    insertEvents: db.prepare(
      'INSERT INTO session_events (session_id, seq, events) VALUES (?, ?, ?)',
    ),
    lastSeq: db.prepare<[string], { seq: number | null }>(
      'SELECT MAX(seq) AS seq FROM session_events WHERE session_id = ?',
    ),
    snapshot: db.prepare<[string], { snapshot_seq: number; snapshot: string }>(
      'SELECT snapshot_seq, snapshot FROM sessions WHERE id = ?',
    ),
    eventsAfter: db.prepare<[string, number], { seq: number; events: string }>(
      'SELECT seq, events FROM session_events WHERE session_id = ? AND seq > ? ORDER BY seq',
    ),
    updateSnapshot: db.prepare('UPDATE sessions SET snapshot_seq = ?, snapshot = ? WHERE id = ?'),
    markEnded: db.prepare(`UPDATE sessions SET status = 'ended' WHERE id = ?`),
    findLive: db.prepare<[string], { id: string }>(
      `SELECT id FROM sessions WHERE join_code = ? AND status = 'live'`,
    ),
    delete: db.prepare('DELETE FROM sessions WHERE id = ?'),
    list: db.prepare<[], SummaryRow>(
      'SELECT id, join_code, teacher_id, title, status, created_at FROM sessions ORDER BY created_at DESC',
    ),
    listByTeacher: db.prepare<[string], SummaryRow>(
      'SELECT id, join_code, teacher_id, title, status, created_at FROM sessions WHERE teacher_id = ? ORDER BY created_at DESC',
    ),
  };

  /** Last durable seq per session this process has touched; guards against gaps after a failure. */
  const durableSeq = new Map<string, number>();
  const pacer = createSnapshotPacer(options.snapshotEvery);
  let pending: PendingAppend[] = [];
  let flushScheduled = false;
  let closed = false;

  const lastDurableSeq = (sessionId: string): number => {
    const known = durableSeq.get(sessionId);
    if (known !== undefined) return known;
    const seq = q.lastSeq.get(sessionId)?.seq ?? 0;
    durableSeq.set(sessionId, seq);
    return seq;
  };

  const writeOp = (op: PendingAppend): void => {
    q.insertEvents.run(op.sessionId, op.seq, op.eventsJson);
    if (op.snapshotJson !== null) q.updateSnapshot.run(op.seq, op.snapshotJson, op.sessionId);
    if (op.ended) q.markEnded.run(op.sessionId);
  };
  // The same writes in a savepoint: a constraint failure then rolls back this op alone.
  const writeOpIsolated = db.transaction(writeOp);

  interface BatchOutcome {
    accepted: PendingAppend[];
    refused: Array<{ op: PendingAppend; error: Error }>;
    tentative: Map<string, number>;
  }

  /**
   * One transaction for every append of the turn. The fast path runs the writes directly; only
   * when one breaks a constraint (e.g. its session was deleted meanwhile) is the batch redone with
   * a savepoint per append, so that one fails alone. Savepoints on every append cost about as
   * much as the inserts themselves.
   */
  const commitBatch = db.transaction((batch: PendingAppend[], isolate: boolean): BatchOutcome => {
    const outcome: BatchOutcome = { accepted: [], refused: [], tentative: new Map() };
    for (const op of batch) {
      const last = outcome.tentative.get(op.sessionId) ?? lastDurableSeq(op.sessionId);
      if (op.seq !== last + 1) {
        const error = new SeqConflictError(
          `session ${op.sessionId}: expected seq ${last + 1}, got ${op.seq}`,
        );
        outcome.refused.push({ op, error });
        continue;
      }
      if (!isolate) writeOp(op);
      else {
        try {
          writeOpIsolated(op);
        } catch (error) {
          if (!isConstraintError(error)) throw error;
          outcome.refused.push({ op, error: error as Error });
          continue;
        }
      }
      outcome.tentative.set(op.sessionId, op.seq);
      outcome.accepted.push(op);
    }
    return outcome;
  });

  const flush = (): void => {
    flushScheduled = false;
    const batch = pending;
    pending = [];
    if (batch.length === 0) return;
    let outcome: BatchOutcome;
    try {
      try {
        outcome = commitBatch(batch, false);
      } catch (error) {
        if (!isConstraintError(error)) throw error;
        outcome = commitBatch(batch, true);
      }
    } catch (error) {
      const failure = error instanceof Error ? error : new Error(String(error));
      for (const op of batch) op.reject(failure);
      return;
    }
    for (const [sessionId, seq] of outcome.tentative) durableSeq.set(sessionId, seq);
    for (const { op, error } of outcome.refused) op.reject(error);
    for (const op of outcome.accepted) op.resolve();
  };

  return {
    async create(state, events) {
      if (closed) throw new Error('store closed');
      const snapshot = JSON.stringify(state);
      try {
        db.transaction(() => {
          q.insertSession.run({
            id: state.id,
            joinCode: state.joinCode,
            teacherId: state.teacherId,
            title: state.deck.title,
            createdAt: state.createdAt,
            seq: state.seq,
            snapshot,
          });
          q.insertEvents.run(state.id, state.seq, JSON.stringify(events));
        })();
        pacer.written(state.id, snapshot);
      } catch (error) {
        if (isUniqueViolation(error, 'sessions.join_code')) throw new JoinCodeTakenError();
        throw error;
      }
      durableSeq.set(state.id, state.seq);
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
      durableSeq.set(sessionId, state.seq);
      return state;
    },

    async findLiveSessionId(joinCode) {
      return q.findLive.get(joinCode)?.id;
    },

    append(sessionId, events, state) {
      if (closed) return Promise.reject(new Error('store closed'));
      const eventsJson = JSON.stringify(events);
      const snapshotJson = pacer.due(sessionId, eventsJson) ? JSON.stringify(state) : null;
      if (snapshotJson !== null) pacer.written(sessionId, snapshotJson);
      return new Promise<void>((resolve, reject) => {
        pending.push({
          sessionId,
          seq: state.seq,
          eventsJson,
          snapshotJson,
          ended: events.some((e) => e.type === 'sessionEnded'),
          resolve,
          reject,
        });
        if (!flushScheduled) {
          flushScheduled = true;
          setImmediate(flush);
        }
      });
    },

    async delete(sessionId) {
      durableSeq.delete(sessionId);
      pacer.forget(sessionId);
      return q.delete.run(sessionId).changes > 0;
    },

    async list(teacherId) {
      const rows = teacherId === undefined ? q.list.all() : q.listByTeacher.all(teacherId);
      return rows.map(toSummary);
    },

    async close() {
      if (closed) return;
      closed = true;
      flush();
      db.close();
    },
  };
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

function isConstraintError(error: unknown): boolean {
  return (
    error instanceof Error &&
    String((error as { code?: string }).code).startsWith('SQLITE_CONSTRAINT')
  );
}

function isUniqueViolation(error: unknown, column: string): boolean {
  return (
    error instanceof Error &&
    (error as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE' &&
    error.message.includes(column)
  );
}
