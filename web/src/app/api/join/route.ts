import { signInFirebaseStudent } from '@classpulse/realtime/firebase-admin';
import { apiError, json } from '../../../server/api-response.ts';
import { readJsonValue } from '../../../server/request-body.ts';
import { webConfig } from '../../../server/config.ts';
import { requestSource } from '../../../server/request-source.ts';
import { firebaseAdmin } from '../../../server/firebase-admin.ts';

/** HTTP status for the protocol's errors a join can end with. */
const STATUS: Record<string, number> = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  sign_in_required: 403,
  join_code_not_found: 404,
  session_not_found: 404,
  student_not_found: 404,
  unavailable: 503,
  storage_failed: 503,
};

/**
 * Firebase mode: a student joins (code and name) or resumes (their token). The realtime tier's
 * engine decides it, like a socket handshake; this route then mints the student's Firebase
 * custom token. The body is passed through: the tier validates it.
 */
export async function POST(request: Request): Promise<Response> {
  const admin = firebaseAdmin();
  if (!admin)
    return apiError(404, 'not_found', 'Students join over the socket in this deployment.');
  const body = await readJsonValue(request);
  if (!body.ok) return body.response;
  const result = await signInFirebaseStudent(
    { realtimeUrl: webConfig().realtimeInternalUrl, admin, source: requestSource(request) },
    body.data,
  );
  return result.ok ? json(result) : json(result, STATUS[result.code] ?? 409);
}
