import type { Kysely } from 'kysely';
import type { WebTables } from './tables.ts';

type Db = Kysely<WebTables>;

/** What an audited access or change was. Only ids and times are kept, never a student's data. */
export const ACCESS_ACTIONS = [
  'report.view',
  'report.csv',
  'audit.csv',
  'health.view',
  'health.csv',
  'health.json',
  'retention.policy',
  'session.keepUntil',
  /** An admin exported one student's data (detail: how many answers; never the student). */
  'student.export',
  /** An admin erased one student (detail: how many records went; never what they held). */
  'student.erase',
] as const;
export type AccessAction = (typeof ACCESS_ACTIONS)[number];

export interface AccessEntry {
  id: string;
  at: number;
  accountId: string;
  action: AccessAction;
  sessionId: string | null;
  detail: string | null;
}

export async function recordAccess(db: Db, entry: AccessEntry): Promise<void> {
  await db
    .insertInto('access_audit')
    .values({
      id: entry.id,
      at: entry.at,
      account_id: entry.accountId,
      action: entry.action,
      session_id: entry.sessionId,
      detail: entry.detail,
    })
    .execute();
}

export interface AccessFilter {
  accountId?: string;
  sessionId?: string;
  /** Inclusive, ms since 1970. */
  from?: number;
  /** Exclusive. */
  until?: number;
}

export const ACCESS_PAGE_SIZE = 50;

/** One page of the audit, newest first, and whether there is another after it. */
export async function listAccess(
  db: Db,
  filter: AccessFilter,
  page: number,
  pageSize = ACCESS_PAGE_SIZE,
): Promise<{ entries: AccessEntry[]; hasMore: boolean }> {
  let query = db.selectFrom('access_audit').selectAll();
  if (filter.accountId !== undefined) query = query.where('account_id', '=', filter.accountId);
  if (filter.sessionId !== undefined) query = query.where('session_id', '=', filter.sessionId);
  if (filter.from !== undefined) query = query.where('at', '>=', filter.from);
  if (filter.until !== undefined) query = query.where('at', '<', filter.until);
  const rows = await query
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .limit(pageSize + 1)
    .offset(Math.max(0, page) * pageSize)
    .execute();
  return {
    entries: rows.slice(0, pageSize).map((r) => ({
      id: r.id,
      at: r.at,
      accountId: r.account_id,
      action: r.action as AccessAction,
      sessionId: r.session_id,
      detail: r.detail,
    })),
    hasMore: rows.length > pageSize,
  };
}

/** Deletes audit rows older than `before` (the audit is kept for the retention period). */
export async function deleteAccessBefore(db: Db, before: number): Promise<number> {
  const result = await db.deleteFrom('access_audit').where('at', '<', before).executeTakeFirst();
  return Number(result.numDeletedRows);
}
