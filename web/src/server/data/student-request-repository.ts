import type { Kysely } from 'kysely';
import { normalizeEmail } from './account-repository.ts';
import type { WebTables } from './tables.ts';

type Db = Kysely<WebTables>;

/**
 * The web tier's part of a student data request (issue 25): which sessions a school address
 * signed in to, which sessions an admin may search for a name in, and the address rows that go
 * when a student is erased. Admin-only callers: nothing here checks who asks.
 */

/** A session as an admin's search lists it: whose it is and when it started. */
export interface AdminSessionSummary {
  sessionId: string;
  title: string;
  joinCode: string;
  createdAt: number;
  ownerId: string;
  /** Null when the owner's account is gone. */
  teacherName: string | null;
}

/** A student of a session, found by school address (the session_students row). */
export interface SignedInStudent extends AdminSessionSummary {
  studentId: string;
  email: string;
  name: string;
  signedInAt: number;
}

/** The most one search lists: a student's year of sessions fits many times over. */
export const STUDENT_SEARCH_LIMIT = 200;

/** Every session this address signed in to, newest first. */
export async function sessionsOfStudentEmail(db: Db, email: string): Promise<SignedInStudent[]> {
  const rows = await db
    .selectFrom('session_students as st')
    .innerJoin('sessions as s', 's.id', 'st.session_id')
    .leftJoin('accounts as a', 'a.id', 's.teacher_id')
    .select([
      'st.session_id',
      'st.student_id',
      'st.email',
      'st.name',
      'st.created_at as signed_in_at',
      's.title',
      's.join_code',
      's.created_at',
      's.teacher_id',
      'a.name as teacher_name',
    ])
    .where('st.email', '=', normalizeEmail(email))
    .orderBy('s.created_at', 'desc')
    .orderBy('s.id')
    .limit(STUDENT_SEARCH_LIMIT)
    .execute();
  return rows.map((r) => ({
    sessionId: r.session_id,
    title: r.title,
    joinCode: r.join_code,
    createdAt: r.created_at,
    ownerId: r.teacher_id,
    teacherName: r.teacher_name ?? null,
    studentId: r.student_id,
    email: r.email,
    name: r.name,
    signedInAt: r.signed_in_at,
  }));
}

export interface AdminSessionFilter {
  /** Exact, any case. */
  joinCode?: string;
  teacherId?: string;
  /** Started at or after (ms since 1970). */
  from?: number;
  /** Started before. */
  until?: number;
}

/** Sessions an admin picks from to look for a student by name, newest first. */
export async function findSessionsForAdmin(
  db: Db,
  filter: AdminSessionFilter,
  limit = 20,
): Promise<AdminSessionSummary[]> {
  let query = db
    .selectFrom('sessions as s')
    .leftJoin('accounts as a', 'a.id', 's.teacher_id')
    .select(['s.id', 's.title', 's.join_code', 's.created_at', 's.teacher_id', 'a.name'])
    .orderBy('s.created_at', 'desc')
    .orderBy('s.id')
    .limit(limit);
  if (filter.joinCode !== undefined)
    query = query.where('s.join_code', '=', filter.joinCode.trim().toUpperCase());
  if (filter.teacherId !== undefined) query = query.where('s.teacher_id', '=', filter.teacherId);
  if (filter.from !== undefined) query = query.where('s.created_at', '>=', filter.from);
  if (filter.until !== undefined) query = query.where('s.created_at', '<', filter.until);
  const rows = await query.execute();
  return rows.map((r) => ({
    sessionId: r.id,
    title: r.title,
    joinCode: r.join_code,
    createdAt: r.created_at,
    ownerId: r.teacher_id,
    teacherName: r.name ?? null,
  }));
}

/** One session as the admin's search lists it, or null. */
export async function adminSession(db: Db, sessionId: string): Promise<AdminSessionSummary | null> {
  const row = await db
    .selectFrom('sessions as s')
    .leftJoin('accounts as a', 'a.id', 's.teacher_id')
    .select(['s.id', 's.title', 's.join_code', 's.created_at', 's.teacher_id', 'a.name'])
    .where('s.id', '=', sessionId)
    .executeTakeFirst();
  return row
    ? {
        sessionId: row.id,
        title: row.title,
        joinCode: row.join_code,
        createdAt: row.created_at,
        ownerId: row.teacher_id,
        teacherName: row.name ?? null,
      }
    : null;
}

/** The school address a session's student signed in with, if they did. */
export async function sessionStudentSignIn(
  db: Db,
  sessionId: string,
  studentId: string,
): Promise<{ email: string; name: string; signedInAt: number } | null> {
  const row = await db
    .selectFrom('session_students')
    .select(['email', 'name', 'created_at'])
    .where('session_id', '=', sessionId)
    .where('student_id', '=', studentId)
    .executeTakeFirst();
  return row ? { email: row.email, name: row.name, signedInAt: row.created_at } : null;
}

/** Erases a student's address row of one session: how many rows went (0 or 1). */
export async function eraseSessionStudentRow(
  db: Db,
  sessionId: string,
  studentId: string,
): Promise<number> {
  const result = await db
    .deleteFrom('session_students')
    .where('session_id', '=', sessionId)
    .where('student_id', '=', studentId)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
