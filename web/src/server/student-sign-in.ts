import type { StoredIdentity } from '@classpulse/realtime/client';
import { emailDomainAllowed } from './accounts/school-accounts.ts';
import type { SignInFailure, VerifiedIdentity } from './accounts/oidc-flow.ts';
import { webConfig } from './config.ts';
import { database } from './db.ts';
import { joinSettingsOfCode } from './data/session-repository.ts';
import { claimSessionStudent, releaseSessionStudent } from './data/session-student-repository.ts';
import { newId } from './ids.ts';
import { realtimeSessionUrl } from './realtime-session.ts';
import { requiredRealtimeTokens } from './realtime-tokens.ts';

/** Why a student's school sign-in did not get them into the session. */
export type StudentSignInFailure =
  | SignInFailure
  | 'session_not_found'
  | 'session_ended'
  | 'late_join_denied'
  | 'student_removed'
  | 'join_refused'
  | 'unavailable';

/** The realtime tier's refusals a student is told about as they are; others are `join_refused`. */
const PASSED_ON = new Set<string>([
  'session_not_found',
  'session_ended',
  'late_join_denied',
  'student_removed',
]);

/**
 * A student signed in with the school account for the session with this join code: the session's
 * student with that address (a second device resumes the same student), added to the session on
 * the realtime tier the first time. No account is made: a student is a student of one session.
 * The answer is the identity the student's page keeps, like one it joined with itself.
 */
export async function signInStudent(
  code: string,
  identity: VerifiedIdentity,
): Promise<{ ok: true; identity: StoredIdentity } | { ok: false; error: StudentSignInFailure }> {
  const config = webConfig().oidc;
  if (!config) return { ok: false, error: 'not_configured' };
  if (!emailDomainAllowed(config.studentDomains, identity.email))
    return { ok: false, error: 'domain_not_allowed' };
  const db = await database();
  const session = await joinSettingsOfCode(db, code);
  if (!session) return { ok: false, error: 'session_not_found' };
  const { student, created } = await claimSessionStudent(
    db,
    session.sessionId,
    { studentId: newId(), email: identity.email, name: identity.name },
    Date.now(),
  );
  // A first sign-in the realtime tier refused is forgotten, so trying again starts afresh.
  const refuse = async (error: StudentSignInFailure) => {
    if (created) await releaseSessionStudent(db, session.sessionId, student.studentId);
    return { ok: false as const, error };
  };
  let response: Response;
  try {
    response = await fetch(realtimeSessionUrl(session.sessionId, '/students'), {
      method: 'POST',
      headers: {
        authorization: `Bearer ${await requiredRealtimeTokens().signService()}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify({ studentId: student.studentId, name: student.name }),
    });
  } catch {
    return refuse('unavailable');
  }
  const body = (await response.json().catch(() => null)) as
    { ok: true; token: string } | { ok: false; code: string } | null;
  if (!body || response.status >= 500) return refuse('unavailable');
  if (!body.ok)
    return refuse(PASSED_ON.has(body.code) ? (body.code as StudentSignInFailure) : 'join_refused');
  return {
    ok: true,
    identity: { sessionId: session.sessionId, studentId: student.studentId, token: body.token },
  };
}
