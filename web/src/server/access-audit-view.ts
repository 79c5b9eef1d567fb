import { z } from 'zod';
import { database } from './db.ts';
import { accountNames } from './data/account-repository.ts';
import { listAccess, type AccessEntry, type AccessFilter } from './data/access-audit-repository.ts';

const DAY_MS = 86_400_000;
const day = z.iso.date();

/** The admin page's filter, as its GET form sends it; anything malformed is ignored. */
const querySchema = z.object({
  auditTeacher: z.string().min(1).max(64).optional().catch(undefined),
  auditSession: z.string().trim().min(1).max(64).optional().catch(undefined),
  auditFrom: day.optional().catch(undefined),
  auditUntil: day.optional().catch(undefined),
  auditPage: z.coerce.number().int().min(0).max(10_000).optional().catch(undefined),
});

export interface AccessAuditQuery {
  teacher?: string;
  session?: string;
  from?: string;
  until?: string;
  page: number;
}

export function parseAccessAuditQuery(
  params: Record<string, string | string[] | undefined>,
): AccessAuditQuery {
  const first = Object.fromEntries(
    Object.entries(params).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]),
  );
  const q = querySchema.parse(first);
  return {
    ...(q.auditTeacher ? { teacher: q.auditTeacher } : {}),
    ...(q.auditSession ? { session: q.auditSession } : {}),
    ...(q.auditFrom ? { from: q.auditFrom } : {}),
    ...(q.auditUntil ? { until: q.auditUntil } : {}),
    page: q.auditPage ?? 0,
  };
}

export interface AccessAuditPage {
  entries: Array<AccessEntry & { accountName: string | null }>;
  hasMore: boolean;
}

/** One page of the access audit for the admin, with account names (dates are whole UTC days). */
export async function accessAuditPage(query: AccessAuditQuery): Promise<AccessAuditPage> {
  const db = await database();
  const filter: AccessFilter = {
    ...(query.teacher ? { accountId: query.teacher } : {}),
    ...(query.session ? { sessionId: query.session } : {}),
    ...(query.from ? { from: Date.parse(`${query.from}T00:00:00Z`) } : {}),
    ...(query.until ? { until: Date.parse(`${query.until}T00:00:00Z`) + DAY_MS } : {}),
  };
  const { entries, hasMore } = await listAccess(db, filter, query.page);
  const names = await accountNames(
    db,
    entries.map((e) => e.accountId),
  );
  return {
    entries: entries.map((e) => ({ ...e, accountName: names.get(e.accountId) ?? null })),
    hasMore,
  };
}
