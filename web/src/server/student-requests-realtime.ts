import {
  studentErasureSchema,
  studentExportSchema,
  type SessionState,
} from '@classpulse/realtime/protocol';
import type { z } from 'zod';
import { fetchRealtimeAs } from './realtime-session.ts';

/**
 * The realtime tier's side of a student data request. An admin teaches none of the sessions, so
 * the web app asks with a fresh token of the session's owner (as deleting a session does); the
 * admin's own right to ask was checked before any of these is called.
 */

/** What the realtime tier keeps about one student of one session (its own schema). */
export type StudentData = z.infer<typeof studentExportSchema>;

export type RealtimeAnswer<T> =
  { ok: true; value: T } | { ok: false; status: 404 | 409 | 503; message: string };

const unreachable = {
  ok: false,
  status: 503,
  message: 'The live-session service is not reachable.',
} as const;
const gone = { ok: false, status: 404, message: 'Not found on the live-session service.' } as const;

/** The session's state (its roster and deck), or why not. */
export async function sessionStateAsOwner(
  ownerId: string,
  sessionId: string,
): Promise<RealtimeAnswer<SessionState>> {
  const res = await fetchRealtimeAs(ownerId, sessionId, '');
  if (!res) return unreachable;
  if (res.status === 404) return gone;
  if (!res.ok) return { ...unreachable, message: 'The live-session service did not answer.' };
  const body = (await res.json()) as { state?: SessionState };
  return body.state ? { ok: true, value: body.state } : unreachable;
}

const studentPath = (studentId: string) => `/students/${encodeURIComponent(studentId)}`;

/** Everything the realtime tier keeps about one student of one session. */
export async function studentDataAsOwner(
  ownerId: string,
  sessionId: string,
  studentId: string,
): Promise<RealtimeAnswer<StudentData>> {
  const res = await fetchRealtimeAs(ownerId, sessionId, studentPath(studentId));
  if (!res) return unreachable;
  if (res.status === 404) return gone;
  if (!res.ok) return { ...unreachable, message: 'The live-session service did not answer.' };
  const parsed = studentExportSchema.safeParse(await res.json().catch(() => null));
  return parsed.success
    ? { ok: true, value: parsed.data }
    : { ...unreachable, message: 'The live-session service answered something unexpected.' };
}

/** Erases one student from one session on the realtime tier: whether anything was there. */
export async function eraseStudentAsOwner(
  ownerId: string,
  sessionId: string,
  studentId: string,
): Promise<RealtimeAnswer<{ erased: boolean }>> {
  const res = await fetchRealtimeAs(ownerId, sessionId, studentPath(studentId), {
    method: 'DELETE',
  });
  if (!res) return unreachable;
  // A session already gone holds nothing of the student any more.
  if (res.status === 404) return { ok: true, value: { erased: false } };
  if (res.status === 409) {
    const body = (await res.json().catch(() => null)) as { message?: string } | null;
    return {
      ok: false,
      status: 409,
      message: body?.message ?? 'This session is live: end it before erasing a student.',
    };
  }
  if (!res.ok) return { ...unreachable, message: 'The live-session service did not answer.' };
  const body = studentErasureSchema.safeParse(await res.json().catch(() => null));
  return body.success
    ? { ok: true, value: { erased: body.data.erased } }
    : { ...unreachable, message: 'The live-session service answered something unexpected.' };
}

/**
 * Ends a live session as its owner would (its students see that it ended), so a student in it
 * can be erased; one that already ended counts as ended.
 */
export async function endSessionAsOwner(
  ownerId: string,
  sessionId: string,
): Promise<RealtimeAnswer<null>> {
  const res = await fetchRealtimeAs(ownerId, sessionId, '/commands', {
    method: 'POST',
    body: { type: 'endSession' },
  });
  if (!res) return unreachable;
  if (res.status === 404) return gone;
  if (res.ok) return { ok: true, value: null };
  const body = (await res.json().catch(() => null)) as { code?: string } | null;
  if (body?.code === 'session_ended') return { ok: true, value: null };
  return { ...unreachable, message: 'The live-session service did not end the session.' };
}
