/**
 * The SQLite store's writer thread: every write of the store runs here, so the commit and its
 * fsync never block the event loop that serves sockets. Batches arrive one at a time (the store
 * waits for each reply), each committed as one transaction ("group commit").
 */
import Database from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';
import {
  configure,
  dropFreePages,
  SCHEMA,
  type WriteOp,
  type WriteReply,
  type WriteRequest,
  type WriteResult,
} from './sqlite-schema.ts';

const { path, synchronous } = workerData as { path: string; synchronous: 'full' | 'normal' };
const db = new Database(path);
configure(db, synchronous);
db.exec(SCHEMA);

const q = {
  insertSession: db.prepare(
    `INSERT INTO sessions (id, join_code, teacher_id, title, status, created_at, snapshot_seq, snapshot)
     VALUES (?, ?, ?, ?, 'live', ?, ?, ?)`,
  ),
  insertEvents: db.prepare('INSERT INTO session_events (session_id, seq, events) VALUES (?, ?, ?)'),
  // A compacted session (an erasure) keeps no events: its snapshot's seq is the last one.
  lastSeq: db.prepare<[string, string], { seq: number | null }>(
    `SELECT COALESCE(
       (SELECT MAX(seq) FROM session_events WHERE session_id = ?),
       (SELECT snapshot_seq FROM sessions WHERE id = ?)) AS seq`,
  ),
  exists: db.prepare<[string], { id: string }>('SELECT id FROM sessions WHERE id = ?'),
  dropEvents: db.prepare('DELETE FROM session_events WHERE session_id = ? AND seq <= ?'),
  healthRows: db.prepare<[string], { id: number; records: string }>(
    'SELECT id, records FROM session_health WHERE session_id = ? ORDER BY id',
  ),
  updateHealth: db.prepare('UPDATE session_health SET records = ? WHERE id = ?'),
  deleteHealth: db.prepare('DELETE FROM session_health WHERE id = ?'),
  updateSnapshot: db.prepare('UPDATE sessions SET snapshot_seq = ?, snapshot = ? WHERE id = ?'),
  markEnded: db.prepare(`UPDATE sessions SET status = 'ended' WHERE id = ?`),
  delete: db.prepare('DELETE FROM sessions WHERE id = ?'),
  insertHealth: db.prepare('INSERT INTO session_health (session_id, records) VALUES (?, ?)'),
};

/** Last durable seq per session; guards against gaps and forks in a log. */
const durableSeq = new Map<string, number>();
const lastDurableSeq = (sessionId: string): number => {
  const known = durableSeq.get(sessionId);
  if (known !== undefined) return known;
  const seq = q.lastSeq.get(sessionId, sessionId)?.seq ?? 0;
  durableSeq.set(sessionId, seq);
  return seq;
};

const write = (op: WriteOp): boolean | undefined => {
  switch (op.op) {
    case 'create':
      q.insertSession.run(
        op.sessionId,
        op.joinCode,
        op.teacherId,
        op.title,
        op.createdAt,
        op.seq,
        op.snapshotJson,
      );
      q.insertEvents.run(op.sessionId, op.seq, op.eventsJson);
      return undefined;
    case 'append':
      q.insertEvents.run(op.sessionId, op.seq, op.eventsJson);
      if (op.snapshotJson !== null) q.updateSnapshot.run(op.seq, op.snapshotJson, op.sessionId);
      if (op.ended) q.markEnded.run(op.sessionId);
      return undefined;
    case 'delete':
      return q.delete.run(op.sessionId).changes > 0;
    case 'health':
      q.insertHealth.run(op.sessionId, op.recordsJson);
      return undefined;
    case 'erase':
      return erase(op);
  }
};

function erase(op: Extract<WriteOp, { op: 'erase' }>): boolean {
  if (!q.exists.get(op.sessionId)) return false;
  if (op.snapshotJson !== null) {
    q.updateSnapshot.run(op.seq, op.snapshotJson, op.sessionId);
    q.dropEvents.run(op.sessionId, op.seq);
  }
  // Batches without the student stay byte for byte; the others lose their records of them.
  for (const row of q.healthRows.all(op.sessionId)) {
    const records = parseRecords(row.records);
    const kept = records.filter((r) => !namesStudent(r, op.studentId));
    if (kept.length === records.length) continue;
    if (kept.length === 0) q.deleteHealth.run(row.id);
    else q.updateHealth.run(JSON.stringify(kept), row.id);
  }
  return true;
}

function parseRecords(json: string): unknown[] {
  try {
    const value = JSON.parse(json) as unknown;
    return Array.isArray(value) ? value : [value];
  } catch {
    return [];
  }
}

function namesStudent(record: unknown, studentId: string): boolean {
  return (
    typeof record === 'object' &&
    record !== null &&
    (record as { studentId?: unknown }).studentId === studentId
  );
}
// The same write in a savepoint: a constraint failure then rolls back this op alone.
const writeIsolated = db.transaction(write);

interface Outcome {
  results: WriteResult[];
  tentative: Map<string, number | null>;
}

/**
 * One transaction for the batch. The fast path runs the writes directly; only when one breaks a
 * constraint (its session was deleted meanwhile, a join code is taken) is the batch redone with
 * a savepoint per op, so that one fails alone. Savepoints on every op cost about as much as the
 * inserts themselves.
 */
const commit = db.transaction((ops: WriteOp[], isolate: boolean): Outcome => {
  const outcome: Outcome = { results: [], tentative: new Map() };
  for (const op of ops) {
    if (op.op === 'erase' && op.snapshotJson !== null) {
      const last = outcome.tentative.get(op.sessionId) ?? lastDurableSeq(op.sessionId);
      if (op.seq !== last) {
        outcome.results.push({
          ok: false,
          kind: 'seq',
          message: `session ${op.sessionId}: erasing at seq ${op.seq}, log at ${last}`,
        });
        continue;
      }
    }
    if (op.op === 'create' || op.op === 'append') {
      const expected =
        op.op === 'create'
          ? 1
          : (outcome.tentative.get(op.sessionId) ?? lastDurableSeq(op.sessionId)) + 1;
      if (op.seq !== expected) {
        outcome.results.push({
          ok: false,
          kind: 'seq',
          message: `session ${op.sessionId}: expected seq ${expected}, got ${op.seq}`,
        });
        continue;
      }
    }
    let deleted: boolean | undefined;
    try {
      deleted = isolate ? writeIsolated(op) : write(op);
    } catch (error) {
      if (!isolate || !isConstraintError(error)) throw error;
      const message = (error as Error).message;
      const codeTaken = op.op === 'create' && message.includes('sessions.join_code');
      outcome.results.push({ ok: false, kind: codeTaken ? 'code-taken' : 'constraint', message });
      continue;
    }
    if (op.op === 'create' || op.op === 'append' || op.op === 'delete')
      outcome.tentative.set(op.sessionId, op.op === 'delete' ? null : op.seq);
    outcome.results.push(deleted === undefined ? { ok: true } : { ok: true, deleted });
  }
  return outcome;
});

parentPort?.on('message', (request: WriteRequest) => {
  const { id } = request;
  if ('close' in request) {
    db.close();
    parentPort?.postMessage({ id, closed: true } satisfies WriteReply);
    parentPort?.close();
    return;
  }
  const { ops } = request;
  // What an erasure or a deletion freed leaves the file (dropFreePages); after an erasure the
  // WAL's copies of the old pages are checkpointed away too. Not after every deletion: a retention
  // pass deletes many sessions, and each checkpoint holds up every other write.
  const erasing = ops.some((op) => op.op === 'erase');
  const freeing = erasing || ops.some((op) => op.op === 'delete');
  let reply: WriteReply;
  try {
    let outcome: Outcome;
    try {
      outcome = commit(ops, false);
    } catch (error) {
      if (!isConstraintError(error)) throw error;
      outcome = commit(ops, true);
    }
    for (const [sessionId, seq] of outcome.tentative) {
      if (seq === null) durableSeq.delete(sessionId);
      else durableSeq.set(sessionId, seq);
    }
    reply = { id, results: outcome.results };
  } catch (error) {
    reply = { id, failed: error instanceof Error ? error.message : String(error) };
  }
  try {
    if (freeing && !('failed' in reply)) dropFreePages(db);
    // Best effort: a reader in the middle of a query keeps the WAL until the next checkpoint.
    if (erasing) db.pragma('wal_checkpoint(TRUNCATE)');
  } catch {
    // The batch itself is committed; the pages are freed again by the next erasure or deletion.
  }
  parentPort?.postMessage(reply);
});

function isConstraintError(error: unknown): boolean {
  return (
    error instanceof Error &&
    String((error as { code?: string }).code).startsWith('SQLITE_CONSTRAINT')
  );
}
