import type { Kysely } from 'kysely';
import { deleteAccessBefore } from './data/access-audit-repository.ts';
import {
  getRetentionPolicy,
  recordSessionEnded,
  retentionCutoff,
} from './data/retention-repository.ts';
import {
  claimSessionDeletion,
  deleteClaimedSession,
  releaseRetentionLease,
  releaseSessionClaim,
  retentionCandidates,
  takeRetentionLease,
  type RetentionCandidate,
} from './data/retention-job-repository.ts';
import type { WebTables } from './data/tables.ts';
import type { RetentionRealtime } from './retention-realtime.ts';

/** What one pass deleted (and could not), for the metric and the log. */
export interface RetentionPassResult {
  /** False when another replica holds the lease or ran today's pass: nothing was done. */
  ran: boolean;
  sessions: number;
  auditEntries: number;
  /** Sessions past retention the realtime tier could not be asked about or delete; retried. */
  failures: number;
}

export interface RetentionPassDeps {
  db: Kysely<WebTables>;
  realtime: RetentionRealtime;
  /** This replica's pass: unique per process (and per pass, so a stale claim is never ours). */
  holder: string;
  now(): number;
  /** How long a lease lasts before another replica may take it over (a stalled pass). */
  leaseMs: number;
  /** How long a session's claim lasts before another pass may take it; default `leaseMs`. */
  claimTtlMs?: number;
  /** A pass that succeeded less than this long ago means today's pass is done. */
  minGapMs: number;
  /** Sessions read per query. */
  batchSize?: number;
  /** Called as each session's deletion is counted (the metric), so a pass that fails late keeps its counts. */
  onDeleted?(kind: 'session' | 'audit_entry', count: number): void;
}

/**
 * One retention pass: if this replica gets the lease, deletes every session past the policy from
 * the realtime tier's store and cache and then its web rows, and the access audit older than the
 * retention period. Each session is claimed first with a conditional update, so passes running
 * at once on several replicas (a lease taken over from a stalled one) never delete or count one
 * twice, and nothing not past retention is touched.
 */
export async function runRetentionPass(deps: RetentionPassDeps): Promise<RetentionPassResult> {
  const { db, holder } = deps;
  const result: RetentionPassResult = { ran: false, sessions: 0, auditEntries: 0, failures: 0 };
  const leased = await takeRetentionLease(db, holder, deps.now(), deps);
  if (!leased) return result;
  result.ran = true;
  let succeeded = false;
  try {
    const policy = await getRetentionPolicy(db);
    const batchSize = deps.batchSize ?? 200;
    const skipped = new Set<string>();
    for (;;) {
      const now = deps.now();
      const cutoff = retentionCutoff(policy, now);
      const batch = (
        await retentionCandidates(db, cutoff, now, claimTtl(deps), batchSize + skipped.size)
      ).filter((c) => !skipped.has(c.id));
      if (batch.length === 0) break;
      for (const candidate of batch) {
        const outcome = await deleteIfPastRetention(deps, candidate, policy.retentionDays);
        if (outcome === 'deleted') {
          result.sessions += 1;
          deps.onDeleted?.('session', 1);
        } else {
          skipped.add(candidate.id);
          if (outcome === 'failed') result.failures += 1;
        }
      }
    }
    const trimmed = await deleteAccessBefore(db, retentionCutoff(policy, deps.now()));
    result.auditEntries = trimmed;
    if (trimmed > 0) deps.onDeleted?.('audit_entry', trimmed);
    succeeded = result.failures === 0;
    return result;
  } finally {
    await releaseRetentionLease(db, holder, deps.now(), succeeded);
  }
}

const claimTtl = (deps: RetentionPassDeps) => deps.claimTtlMs ?? deps.leaseMs;

type Outcome = 'deleted' | 'kept' | 'failed';

/**
 * One candidate. A session whose end the web tier never saw (its teacher never opened a report)
 * is asked about first: an ended one has its end recorded, and is deleted only if that end is past
 * retention; a live one (a teacher who closed the tab instead of ending it, the usual case) counts
 * as ended when it went idle, so a lesson nobody ended is not kept forever, while one still in use
 * is not cut short. The claim then re-checks the recorded end and the teacher's keep-until.
 */
async function deleteIfPastRetention(
  deps: RetentionPassDeps,
  candidate: RetentionCandidate,
  retentionDays: number,
): Promise<Outcome> {
  const { db, realtime, holder } = deps;
  try {
    if (candidate.endedAt === null) {
      const seen = await realtime.status(candidate.id, candidate.ownerId);
      if (seen.found && seen.status === 'ended')
        await recordSessionEnded(db, candidate.id, seen.endedAt);
      if (
        seen.found &&
        seen.status === 'live' &&
        seen.lastActivityAt >= retentionCutoff({ retentionDays }, deps.now())
      )
        return 'kept';
    }
    const now = deps.now();
    const claimed = await claimSessionDeletion(db, candidate.id, holder, {
      cutoff: retentionCutoff({ retentionDays }, now),
      now,
      claimTtlMs: claimTtl(deps),
    });
    if (!claimed) return 'kept';
    // The realtime tier first: were the web row gone first, a failure here would leave students'
    // answers that no pass could find again.
    if (!(await realtime.delete(candidate.id, candidate.ownerId))) {
      await releaseSessionClaim(db, candidate.id, holder);
      return 'failed';
    }
    return (await deleteClaimedSession(db, candidate.id, holder)) ? 'deleted' : 'kept';
  } catch {
    await releaseSessionClaim(db, candidate.id, holder).catch(() => {});
    return 'failed';
  }
}
