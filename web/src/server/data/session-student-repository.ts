import type { Kysely } from 'kysely';
import { normalizeEmail } from './account-repository.ts';
import type { WebTables } from './tables.ts';

type Db = Kysely<WebTables>;

export interface SessionStudent {
  studentId: string;
  email: string;
  name: string;
}

/**
 * The session's student with this address: the one already there, or this new one. Two first
 * sign-ins racing (two devices at once) get the same student: whichever row was written first.
 */
export async function claimSessionStudent(
  db: Db,
  sessionId: string,
  candidate: SessionStudent,
  now: number,
): Promise<{ student: SessionStudent; created: boolean }> {
  const email = normalizeEmail(candidate.email);
  const inserted = await db
    .insertInto('session_students')
    .values({
      session_id: sessionId,
      email,
      student_id: candidate.studentId,
      name: candidate.name,
      created_at: now,
    })
    .onConflict((c) => c.doNothing())
    .executeTakeFirst();
  const row = await db
    .selectFrom('session_students')
    .select(['student_id', 'email', 'name'])
    .where('session_id', '=', sessionId)
    .where('email', '=', email)
    .executeTakeFirstOrThrow();
  return {
    student: { studentId: row.student_id, email: row.email, name: row.name },
    created: Number(inserted.numInsertedOrUpdatedRows ?? 0) === 1,
  };
}

/** Forgets a student whose join the realtime tier refused, so a later sign-in starts afresh. */
export async function releaseSessionStudent(
  db: Db,
  sessionId: string,
  studentId: string,
): Promise<void> {
  await db
    .deleteFrom('session_students')
    .where('session_id', '=', sessionId)
    .where('student_id', '=', studentId)
    .execute();
}

/** The addresses of the session's signed-in students, by realtime student id. */
export async function sessionStudentEmails(
  db: Db,
  sessionId: string,
): Promise<Map<string, string>> {
  const rows = await db
    .selectFrom('session_students')
    .select(['student_id', 'email'])
    .where('session_id', '=', sessionId)
    .execute();
  return new Map(rows.map((r) => [r.student_id, r.email]));
}
