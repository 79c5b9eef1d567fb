import type { ExpressionBuilder, Kysely } from 'kysely';
import { pastRetention } from './retention-repository.ts';
import type { WebTables } from './tables.ts';

type Db = Kysely<WebTables>;

const LEASE_ID = 'retention';

/**
 * Takes the retention job's lease for `holder` until `now + leaseMs`, with one conditional update
 * (so of several replicas asking at once exactly one gets it): only when no one holds it (or the
 * holder's lease ran out, a replica that died mid-pass) and no pass succeeded in the last
 * `minGapMs`, so each day's pass runs on one replica. True when this holder has it.
 */
export async function takeRetentionLease(
  db: Db,
  holder: string,
  now: number,
  { leaseMs, minGapMs }: { leaseMs: number; minGapMs: number },
): Promise<boolean> {
  await db
    .insertInto('retention_job_lease')
    .values({ id: LEASE_ID, holder: null, expires_at: 0, last_success_at: null })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
  const result = await db
    .updateTable('retention_job_lease')
    .set({ holder, expires_at: now + leaseMs })
    .where('id', '=', LEASE_ID)
    .where('expires_at', '<=', now)
    .where((eb) =>
      eb.or([eb('last_success_at', 'is', null), eb('last_success_at', '<=', now - minGapMs)]),
    )
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

/** Gives the lease back; a pass that succeeded records when (the next one waits its gap). */
export async function releaseRetentionLease(
  db: Db,
  holder: string,
  now: number,
  succeeded: boolean,
): Promise<void> {
  await db
    .updateTable('retention_job_lease')
    .set(
      succeeded
        ? { holder: null, expires_at: now, last_success_at: now }
        : { holder: null, expires_at: now },
    )
    .where('id', '=', LEASE_ID)
    .where('holder', '=', holder)
    .execute();
}

/** When a retention pass last succeeded on any replica (ms since 1970), or null. */
export async function lastRetentionSuccess(db: Db): Promise<number | null> {
  const row = await db
    .selectFrom('retention_job_lease')
    .select('last_success_at')
    .where('id', '=', LEASE_ID)
    .executeTakeFirst();
  return row?.last_success_at ?? null;
}

/** A session the retention pass may delete, with what it needs to ask the realtime tier. */
export interface RetentionCandidate {
  id: string;
  ownerId: string;
  /** When the web tier saw it end; null when it never did (the pass asks the realtime tier). */
  endedAt: number | null;
}

/**
 * Sessions past retention at `now` (ended before `cutoff`, not kept past now), oldest first, and
 * not claimed by a pass right now (a claim older than `claimTtlMs` is a dead pass's: free again).
 */
export async function retentionCandidates(
  db: Db,
  cutoff: number,
  now: number,
  claimTtlMs: number,
  limit: number,
): Promise<RetentionCandidate[]> {
  const rows = await db
    .selectFrom('sessions')
    .select(['id', 'teacher_id', 'ended_at'])
    .where((eb) => pastRetention(eb, cutoff, now))
    .where((eb) =>
      eb.or([
        eb('deletion_claimed_at', 'is', null),
        eb('deletion_claimed_at', '<=', now - claimTtlMs),
      ]),
    )
    .orderBy(({ fn }) => fn.coalesce('ended_at', 'due_at', 'created_at'))
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ id: r.id, ownerId: r.teacher_id, endedAt: r.ended_at }));
}

/**
 * Claims one session for deletion by `claimant`, with one conditional update that re-checks it is
 * past retention now (its end may just have been recorded, its teacher may just have kept it) and
 * unclaimed: of two passes, one gets it. True when this claimant has it.
 */
export async function claimSessionDeletion(
  db: Db,
  sessionId: string,
  claimant: string,
  { cutoff, now, claimTtlMs }: { cutoff: number; now: number; claimTtlMs: number },
): Promise<boolean> {
  const result = await db
    .updateTable('sessions')
    .set({ deletion_claimed_by: claimant, deletion_claimed_at: now })
    .where('id', '=', sessionId)
    .where((eb) => pastRetention(eb, cutoff, now))
    .where((eb) =>
      eb.or([
        eb('deletion_claimed_at', 'is', null),
        eb('deletion_claimed_at', '<=', now - claimTtlMs),
      ]),
    )
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

/**
 * Deletes a claimed session's web rows (its students' addresses, its co-teachers, then the library
 * row) if `claimant` still holds the claim. True when this call deleted the library row: the one
 * count of that session's deletion. Single statements, no transaction held across them (SQLite's
 * one writer is never kept waiting on another replica's open transaction); a pass that stops
 * between them leaves the claimed row, which the next pass deletes and counts.
 */
export async function deleteClaimedSession(
  db: Db,
  sessionId: string,
  claimant: string,
): Promise<boolean> {
  const stillClaimed = (
    eb: ExpressionBuilder<WebTables, 'session_students' | 'session_co_teachers'>,
  ) =>
    eb.exists(
      eb
        .selectFrom('sessions')
        .select('id')
        .where('id', '=', sessionId)
        .where('deletion_claimed_by', '=', claimant),
    );
  await db
    .deleteFrom('session_students')
    .where('session_id', '=', sessionId)
    .where((eb) => stillClaimed(eb))
    .execute();
  await db
    .deleteFrom('session_co_teachers')
    .where('session_id', '=', sessionId)
    .where((eb) => stillClaimed(eb))
    .execute();
  const result = await db
    .deleteFrom('sessions')
    .where('id', '=', sessionId)
    .where('deletion_claimed_by', '=', claimant)
    .executeTakeFirst();
  return result.numDeletedRows === 1n;
}

/** Gives a claim back (the realtime tier could not delete the session: the next pass retries). */
export async function releaseSessionClaim(
  db: Db,
  sessionId: string,
  claimant: string,
): Promise<void> {
  await db
    .updateTable('sessions')
    .set({ deletion_claimed_by: null, deletion_claimed_at: null })
    .where('id', '=', sessionId)
    .where('deletion_claimed_by', '=', claimant)
    .execute();
}
