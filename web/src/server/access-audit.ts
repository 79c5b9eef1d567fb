import { database } from './db.ts';
import { newId } from './ids.ts';
import { recordAccess, type AccessAction } from './data/access-audit-repository.ts';

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
