import { z } from 'zod';
import { auditAccess } from './access-audit.ts';
import { database } from './db.ts';
import { getSessionWithOwner } from './data/session-repository.ts';
import {
  getRetentionPolicy,
  getSessionRetention,
  latestKeepUntil,
  recordSessionEnded,
  RETENTION_LIMITS,
  setKeepUntil,
  setRetentionPolicy,
  type RetentionPolicy,
  type SessionRetention,
} from './data/retention-repository.ts';

const days = z.int().min(RETENTION_LIMITS.minDays).max(RETENTION_LIMITS.maxDays);

/** An admin's retention policy: both in days; keeping longer must allow at least the policy. */
export const retentionPolicySchema = z
  .object({ retentionDays: days, maxKeepDays: days })
  .strict()
  .refine((p) => p.maxKeepDays >= p.retentionDays, {
    path: ['maxKeepDays'],
    message:
      'The longest a teacher may keep a session cannot be shorter than the retention period.',
  });

export async function retentionPolicy(): Promise<RetentionPolicy> {
  return getRetentionPolicy(await database());
}

/** Sets the policy and records who did it in the access audit. */
export async function changeRetentionPolicy(
  adminId: string,
  policy: z.infer<typeof retentionPolicySchema>,
): Promise<RetentionPolicy> {
  const db = await database();
  await setRetentionPolicy(db, policy, adminId, Date.now());
  await auditAccess(
    adminId,
    'retention.policy',
    null,
    `retention ${policy.retentionDays} days, keep up to ${policy.maxKeepDays} days`,
  );
  return getRetentionPolicy(db);
}

/** When a session's retention period starts and how long its teacher keeps it; null if unknown. */
export async function sessionRetention(sessionId: string): Promise<SessionRetention | null> {
  return getSessionRetention(await database(), sessionId);
}

export type KeepUntilResult =
  | { ok: true; keepUntil: number | null }
  | { ok: false; status: number; code: string; message: string; latest?: number };

/**
 * The schema of a "keep until" for one session under the policy: a moment after now and at most
 * the policy's longest keep after the session ended; null gives it back to the policy.
 */
export function keepUntilSchema(policy: RetentionPolicy, endedAt: number, now: number) {
  const latest = latestKeepUntil(policy, endedAt);
  return z.object({
    keepUntil: z.nullable(
      z
        .int()
        .gt(now, { message: 'Keep-until must be in the future.' })
        .max(latest, {
          message: `A session can be kept at most ${policy.maxKeepDays} days after it ended.`,
        }),
    ),
  });
}

/** The owner keeps a session past the retention period, within the policy's maximum. */
export async function changeKeepUntil(
  teacherId: string,
  sessionId: string,
  body: unknown,
): Promise<KeepUntilResult> {
  const db = await database();
  const owned = await getSessionWithOwner(db, sessionId);
  const retention = await getSessionRetention(db, sessionId);
  if (!owned || owned.ownerId !== teacherId || !retention)
    return { ok: false, status: 404, code: 'not_found', message: 'This session does not exist.' };
  const policy = await getRetentionPolicy(db);
  const parsed = keepUntilSchema(policy, retention.endedAt, Date.now()).safeParse(body);
  if (!parsed.success) {
    const tooLong = parsed.error.issues.some((i) => i.code === 'too_big');
    return {
      ok: false,
      status: 400,
      code: tooLong ? 'keep_too_long' : 'invalid',
      message: parsed.error.issues[0]?.message ?? 'Check the date.',
      latest: latestKeepUntil(policy, retention.endedAt),
    };
  }
  await setKeepUntil(db, teacherId, sessionId, parsed.data.keepUntil);
  await auditAccess(
    teacherId,
    'session.keepUntil',
    sessionId,
    parsed.data.keepUntil === null ? 'policy' : new Date(parsed.data.keepUntil).toISOString(),
  );
  return { ok: true, keepUntil: parsed.data.keepUntil };
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
