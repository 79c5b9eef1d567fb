import { z } from 'zod';
import { isProtocolError, protocolError, type ProtocolError } from '../protocol/index.ts';
import type { FirebaseAdmin } from './admin-app.ts';
import { studentIdentity } from './claims.ts';

/** What a browser on the Firebase transport gets back from the web app's join route. */
export interface FirebaseSignIn {
  ok: true;
  sessionId: string;
  studentId: string;
  /** Our own student token, minted on a join by code: stored to resume after a reload. */
  token?: string;
  /** A Firebase custom token for this student, to `signInWithCustomToken`. */
  firebaseToken: string;
}

const joinedSchema = z.object({
  ok: z.literal(true),
  sessionId: z.string().min(1),
  studentId: z.string().min(1),
  token: z.string().optional(),
});

/**
 * Joins (by code and name) or resumes (by student token) on the realtime tier, whose engine
 * decides it, then mints the student's Firebase custom token. `body` is the browser's, passed
 * through unparsed: the tier validates it.
 */
export async function signInFirebaseStudent(
  options: {
    realtimeUrl: string;
    admin: FirebaseAdmin;
    fetch?: typeof fetch;
    /** The student's address, for the tier's join limits per source (it trusts this caller). */
    source?: string;
  },
  body: unknown,
): Promise<FirebaseSignIn | ProtocolError> {
  const doFetch = options.fetch ?? fetch;
  let response: Response;
  try {
    response = await doFetch(`${options.realtimeUrl}/v1/join`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(options.source ? { 'x-forwarded-for': options.source } : {}),
      },
      body: JSON.stringify(body),
    });
  } catch {
    return protocolError('unavailable', 'The live-session service is not reachable.');
  }
  const json = (await response.json().catch(() => null)) as unknown;
  const joined = joinedSchema.safeParse(json);
  if (!joined.success) {
    return isProtocolError(json) ? json : protocolError('internal_error');
  }
  const { uid, claims } = studentIdentity(joined.data.sessionId, joined.data.studentId);
  const firebaseToken = await options.admin.customToken(uid, claims);
  return { ...joined.data, firebaseToken };
}
