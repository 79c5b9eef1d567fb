import { database } from './db.ts';
import { newId } from './ids.ts';
import { recordAccess, type AccessAction } from './data/access-audit-repository.ts';
import { recordSessionEnded } from './data/retention-repository.ts';

/**
 * Records that an account opened or downloaded a report, or changed retention: who, what, which
 * session, when. Awaited before the answer goes out, so an access the audit could not record is
 * refused rather than served unrecorded.
 */
export async function auditAccess(
  accountId: string,
  action: AccessAction,
  sessionId: string | null,
  detail: string | null = null,
): Promise<void> {
  await recordAccess(await database(), {
    id: newId(),
    at: Date.now(),
    accountId,
    action,
    sessionId,
    detail,
  });
}

/**
 * A report read the session's state: remember when it ended (the retention clock), once.
 * Reports are where the web tier sees a session's end; the live end goes to the realtime tier.
 */
export async function noteSessionState(
  sessionId: string,
  state: { status: 'live' | 'ended'; endedAt: number | null },
): Promise<void> {
  if (state.status === 'ended' && state.endedAt !== null)
    await recordSessionEnded(await database(), sessionId, state.endedAt);
}
