import type { StudentTransport } from '@classpulse/realtime/protocol';
import type { Kysely, Selectable } from 'kysely';
import type { SessionsTable, WebTables } from './tables.ts';

/** A session in a teacher's library: what the realtime tier answered when it started. */
export interface SessionRecord {
  id: string;
  deckId: string | null;
  title: string;
  joinCode: string;
  teacherToken: string;
  createdAt: number;
  /** A homework's due time (ms since 1970), when it has one. */
  dueAt?: number;
}

type Db = Kysely<WebTables>;

const toRecord = (r: Selectable<SessionsTable>): SessionRecord => ({
  id: r.id,
  deckId: r.deck_id,
  title: r.title,
  joinCode: r.join_code,
  teacherToken: r.teacher_token,
  createdAt: r.created_at,
  ...(r.due_at === null ? {} : { dueAt: r.due_at }),
});

/** The most a library lists; older sessions stay reachable by id. */
export const SESSION_LIBRARY_LIMIT = 200;

export async function insertSession(
  db: Db,
  teacherId: string,
  session: SessionRecord,
  transport: StudentTransport,
  studentSignIn = false,
): Promise<void> {
  await db
    .insertInto('sessions')
    .values({
      student_sign_in: studentSignIn ? 1 : 0,
      id: session.id,
      teacher_id: teacherId,
      deck_id: session.deckId,
      title: session.title,
      join_code: session.joinCode,
      teacher_token: session.teacherToken,
      created_at: session.createdAt,
      transport,
      due_at: session.dueAt ?? null,
    })
    .execute();
}

/** A session by id with its owner, whoever asks (callers check who may see it). */
export async function getSessionWithOwner(
  db: Db,
  id: string,
): Promise<{ ownerId: string; session: SessionRecord } | null> {
  const row = await db.selectFrom('sessions').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? { ownerId: row.teacher_id, session: toRecord(row) } : null;
}

export async function getSession(
  db: Db,
  teacherId: string,
  id: string,
): Promise<SessionRecord | null> {
  const row = await db
    .selectFrom('sessions')
    .selectAll()
    .where('id', '=', id)
    .where('teacher_id', '=', teacherId)
    .executeTakeFirst();
  return row ? toRecord(row) : null;
}

/** A teacher's sessions, newest first. */
export async function listSessions(db: Db, teacherId: string): Promise<SessionRecord[]> {
  const rows = await db
    .selectFrom('sessions')
    .selectAll()
    .where('teacher_id', '=', teacherId)
    .orderBy('created_at', 'desc')
    .limit(SESSION_LIBRARY_LIMIT)
    .execute();
  return rows.map(toRecord);
}

/** Deletes the owner's library entry of a session, its co-teachers and its students' addresses. */
export async function deleteSession(db: Db, teacherId: string, id: string): Promise<void> {
  const result = await db
    .deleteFrom('sessions')
    .where('id', '=', id)
    .where('teacher_id', '=', teacherId)
    .executeTakeFirst();
  if (result.numDeletedRows > 0n) {
    await db.deleteFrom('session_co_teachers').where('session_id', '=', id).execute();
    await db.deleteFrom('session_students').where('session_id', '=', id).execute();
  }
}

/** Records the transport a session's students were moved to; false for another's session. */
export async function setSessionTransport(
  db: Db,
  teacherId: string,
  id: string,
  transport: StudentTransport,
): Promise<boolean> {
  const result = await db
    .updateTable('sessions')
    .set({ transport })
    .where('id', '=', id)
    .where('teacher_id', '=', teacherId)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Records a homework's new due time (null: none); false for another's session. */
export async function setSessionDueAt(
  db: Db,
  teacherId: string,
  id: string,
  dueAt: number | null,
): Promise<boolean> {
  return updateOwnedSession(db, teacherId, id, { due_at: dueAt });
}

/** Changes settings of a session its owner may change; false if it is not theirs. */
export async function updateOwnedSession(
  db: Db,
  teacherId: string,
  id: string,
  change: { due_at?: number | null; keep_until?: number | null },
): Promise<boolean> {
  const result = await db
    .updateTable('sessions')
    .set(change)
    .where('id', '=', id)
    .where('teacher_id', '=', teacherId)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** How students join the newest session with a join code (codes are reused once one ends). */
export interface JoinSettings {
  sessionId: string;
  /** As stored: 'socket' or 'firebase'. */
  transport: string;
  studentSignIn: boolean;
}

/** The join settings of the newest session with this join code, or null when none has it. */
export async function joinSettingsOfCode(db: Db, joinCode: string): Promise<JoinSettings | null> {
  const row = await db
    .selectFrom('sessions')
    .select(['id', 'transport', 'student_sign_in'])
    .where('join_code', '=', joinCode)
    .orderBy('created_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row
    ? { sessionId: row.id, transport: row.transport, studentSignIn: row.student_sign_in === 1 }
    : null;
}
