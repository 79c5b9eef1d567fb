import type { Kysely } from 'kysely';
import type { WebTables } from './tables.ts';

type Db = Kysely<WebTables>;

export interface CoTeacher {
  accountId: string;
  email: string;
  name: string;
}

export interface CoTaughtSession {
  id: string;
  title: string;
  joinCode: string;
  createdAt: number;
  ownerName: string;
}

/** False when the account already co-teaches the session. */
export async function addCoTeacher(
  db: Db,
  sessionId: string,
  accountId: string,
  addedBy: string,
  now: number,
): Promise<boolean> {
  const result = await db
    .insertInto('session_co_teachers')
    .values({ session_id: sessionId, account_id: accountId, added_by: addedBy, created_at: now })
    .onConflict((c) => c.doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
}

export async function removeCoTeacher(
  db: Db,
  sessionId: string,
  accountId: string,
): Promise<boolean> {
  const result = await db
    .deleteFrom('session_co_teachers')
    .where('session_id', '=', sessionId)
    .where('account_id', '=', accountId)
    .executeTakeFirst();
  return result.numDeletedRows > 0n;
}

export async function isCoTeacher(db: Db, sessionId: string, accountId: string): Promise<boolean> {
  const row = await db
    .selectFrom('session_co_teachers')
    .select('account_id')
    .where('session_id', '=', sessionId)
    .where('account_id', '=', accountId)
    .executeTakeFirst();
  return row !== undefined;
}

export async function listCoTeachers(db: Db, sessionId: string): Promise<CoTeacher[]> {
  const rows = await db
    .selectFrom('session_co_teachers')
    .innerJoin('accounts', 'accounts.id', 'session_co_teachers.account_id')
    .select(['accounts.id', 'accounts.email', 'accounts.name'])
    .where('session_co_teachers.session_id', '=', sessionId)
    .orderBy('session_co_teachers.created_at')
    .execute();
  return rows.map((r) => ({ accountId: r.id, email: r.email, name: r.name }));
}

/** Sessions the account co-teaches, newest first, with their owner's name. */
export async function listCoTaughtSessions(db: Db, accountId: string): Promise<CoTaughtSession[]> {
  const rows = await db
    .selectFrom('session_co_teachers')
    .innerJoin('sessions', 'sessions.id', 'session_co_teachers.session_id')
    .innerJoin('accounts', 'accounts.id', 'sessions.teacher_id')
    .select([
      'sessions.id',
      'sessions.title',
      'sessions.join_code',
      'sessions.created_at',
      'accounts.name as owner_name',
    ])
    .where('session_co_teachers.account_id', '=', accountId)
    .orderBy('sessions.created_at', 'desc')
    .limit(200)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    joinCode: r.join_code,
    createdAt: r.created_at,
    ownerName: r.owner_name,
  }));
}
