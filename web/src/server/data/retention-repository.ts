import type { ExpressionBuilder, Kysely } from 'kysely';
import type { WebTables } from './tables.ts';
import { updateOwnedSession } from './session-repository.ts';

type Db = Kysely<WebTables>;

const DAY_MS = 86_400_000;

/** The deployment's retention policy, in days. */
export interface RetentionPolicy {
  /** Ended sessions are deleted this many days after they end. */
  retentionDays: number;
  /** The longest a teacher may keep a session, counted from when it ended. */
  maxKeepDays: number;
  updatedBy: string | null;
  updatedAt: number | null;
}

/** The bounds an admin may set (the API validates against these; so does the page). */
export const RETENTION_LIMITS = { minDays: 1, maxDays: 3650 } as const;

/** Until an admin changes it: a school year and a bit, keep-until up to five years. */
export const DEFAULT_RETENTION_POLICY: RetentionPolicy = {
  retentionDays: 365,
  maxKeepDays: 1825,
  updatedBy: null,
  updatedAt: null,
};

const POLICY_ID = 'deployment';

export async function getRetentionPolicy(db: Db): Promise<RetentionPolicy> {
  const row = await db
    .selectFrom('retention_policy')
    .selectAll()
    .where('id', '=', POLICY_ID)
    .executeTakeFirst();
  return row
    ? {
        retentionDays: row.retention_days,
        maxKeepDays: row.max_keep_days,
        updatedBy: row.updated_by,
        updatedAt: row.updated_at,
      }
    : DEFAULT_RETENTION_POLICY;
}

/** Sets the policy (callers validate the numbers and audit the change). */
export async function setRetentionPolicy(
  db: Db,
  policy: { retentionDays: number; maxKeepDays: number },
  by: string,
  now: number,
): Promise<void> {
  const values = {
    retention_days: policy.retentionDays,
    max_keep_days: policy.maxKeepDays,
    updated_by: by,
    updated_at: now,
  };
  await db
    .insertInto('retention_policy')
    .values({ id: POLICY_ID, ...values })
    .onConflict((oc) => oc.column('id').doUpdateSet(values))
    .execute();
}

/**
 * Remembers when a session ended, the first time the web tier sees it ended (a report or a
 * download read its state); later sightings keep the first time.
 */
export async function recordSessionEnded(
  db: Db,
  sessionId: string,
  endedAt: number,
): Promise<void> {
  await db
    .updateTable('sessions')
    .set({ ended_at: endedAt })
    .where('id', '=', sessionId)
    .where('ended_at', 'is', null)
    .execute();
}

/** A teacher keeps their session until a moment (null: the policy decides); false if not theirs. */
export async function setKeepUntil(
  db: Db,
  teacherId: string,
  sessionId: string,
  keepUntil: number | null,
): Promise<boolean> {
  return updateOwnedSession(db, teacherId, sessionId, { keep_until: keepUntil });
}

/** What retention needs to know about one session. */
export interface SessionRetention {
  /** When its retention period starts: when it ended, else its due time, else when it started. */
  endedAt: number;
  keepUntil: number | null;
}

export async function getSessionRetention(
  db: Db,
  sessionId: string,
): Promise<SessionRetention | null> {
  const row = await db
    .selectFrom('sessions')
    .select(['ended_at', 'due_at', 'created_at', 'keep_until'])
    .where('id', '=', sessionId)
    .executeTakeFirst();
  return row
    ? { endedAt: row.ended_at ?? row.due_at ?? row.created_at, keepUntil: row.keep_until }
    : null;
}

/** The latest "keep until" the policy allows for a session that ended at `endedAt`. */
export const latestKeepUntil = (policy: RetentionPolicy, endedAt: number): number =>
  endedAt + policy.maxKeepDays * DAY_MS;

/**
 * The sessions the retention job deletes at `now`, oldest first: ended more than the policy's
 * days ago and not kept past now. A session's end is when the web tier saw it end; one it never
 * saw end counts from its due time (homework) or its start (a live lesson), so none is kept
 * forever for want of a report being opened.
 */
export async function sessionsPastRetention(
  db: Db,
  policy: Pick<RetentionPolicy, 'retentionDays'>,
  now: number,
  limit = 500,
): Promise<string[]> {
  const rows = await db
    .selectFrom('sessions')
    .select('id')
    .where((eb) => pastRetention(eb, retentionCutoff(policy, now), now))
    .orderBy(({ fn }) => fn.coalesce('ended_at', 'due_at', 'created_at'))
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map((r) => r.id);
}

/** Sessions that ended before this moment are past retention at `now`. */
export const retentionCutoff = (policy: Pick<RetentionPolicy, 'retentionDays'>, now: number) =>
  now - policy.retentionDays * DAY_MS;

/** "Ended before `cutoff` and not kept past `now`", as a condition on `sessions`. */
export function pastRetention(
  eb: ExpressionBuilder<WebTables, 'sessions'>,
  cutoff: number,
  now: number,
) {
  return eb.and([
    eb(eb.fn.coalesce('ended_at', 'due_at', 'created_at'), '<', cutoff),
    eb.or([eb('keep_until', 'is', null), eb('keep_until', '<=', now)]),
  ]);
}
