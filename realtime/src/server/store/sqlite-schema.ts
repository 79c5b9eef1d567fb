import type Database from 'better-sqlite3';

export const SCHEMA = `
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
CREATE TABLE IF NOT EXISTS session_health (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  session_id TEXT NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
  records TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS session_health_session ON session_health (session_id, id);
`;

/** Both connections (the reader on the event loop, the writer thread) are set up alike. */
export function configure(db: Database.Database, synchronous: 'full' | 'normal'): void {
  db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${synchronous === 'full' ? 'FULL' : 'NORMAL'}`);
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  // Nothing deleted stays readable in the file, without zeroing every replaced snapshot on the
  // hot path: FAST zeroes what is removed from a page that is written anyway, and the pages a
  // deletion frees (an old snapshot's overflow pages) are taken out of the file by
  // `incremental_vacuum` after an erasure or a deletion (sqlite-writer.ts). Always-on
  // secure_delete doubled the burst's acknowledgement p99 (realtime/README.md).
  db.pragma('secure_delete = FAST');
  // Only takes effect before the first table exists; older files are converted by
  // convertToIncrementalVacuum.
  db.pragma('auto_vacuum = INCREMENTAL');
}

/** SQLite's value for `auto_vacuum = INCREMENTAL`. */
const INCREMENTAL = 2;

/**
 * A file created before free pages were vacuumed (auto_vacuum NONE) is rebuilt once, at open,
 * so `incremental_vacuum` can take freed pages out of it from then on.
 */
export function convertToIncrementalVacuum(db: Database.Database): void {
  if (db.pragma('auto_vacuum', { simple: true }) === INCREMENTAL) return;
  db.pragma('auto_vacuum = INCREMENTAL');
  db.exec('VACUUM');
}

/** Takes every free page out of the file (pages freed by an erasure may hold a student's data). */
export function dropFreePages(db: Database.Database): void {
  db.pragma('incremental_vacuum');
}

/** One write the writer thread performs; results come back in the same order. */
export type WriteOp =
  | {
      op: 'create';
      sessionId: string;
      joinCode: string;
      teacherId: string;
      title: string;
      createdAt: number;
      seq: number;
      snapshotJson: string;
      eventsJson: string;
    }
  | {
      op: 'append';
      sessionId: string;
      seq: number;
      eventsJson: string;
      snapshotJson: string | null;
      ended: boolean;
    }
  | { op: 'delete'; sessionId: string }
  /**
   * Erases a student (SessionStore.eraseStudent): when `snapshotJson` is set, the snapshot of seq
   * `seq` without them replaces the session's snapshot and log (refused with 'seq' if the log moved
   * past `seq`); in any case their health records go. `deleted`: the session exists.
   */
  | { op: 'erase'; sessionId: string; studentId: string; seq: number; snapshotJson: string | null }
  /** Health records (a JSON array) for the session's health report; no seq, no snapshot. */
  | { op: 'health'; sessionId: string; recordsJson: string };

/** Per op: done (`deleted` for a delete), or why it was refused. */
export type WriteResult =
  | { ok: true; deleted?: boolean }
  | { ok: false; kind: 'seq' | 'code-taken' | 'constraint'; message: string };

export type WriteRequest =
  | { id: number; ops: WriteOp[] }
  /** The last message: close the database (checkpointing the WAL) and exit. */
  | { id: number; close: true };
export type WriteReply =
  | { id: number; results: WriteResult[] }
  | { id: number; closed: true }
  /** The whole batch failed (disk full, I/O error): nothing of it is durable. */
  | { id: number; failed: string };
