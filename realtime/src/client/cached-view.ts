import type { PublicSessionView, StudentSelfView } from '../protocol/index.ts';
import { PROTOCOL_VERSION } from '../protocol/version.ts';
import { identityKey } from './identity-key.ts';
import { readJson, type KeyValueStorage } from './storage.ts';
import type { AnswerStatus, SessionClientState } from './session-client.ts';

/**
 * The last view a student had of their session, so a reload paints the question at once instead
 * of after the whole connection (on Firebase: join route, token exchange, database handshake).
 * Keyed by session and student: a device only ever shows a student their own view. Without zod:
 * the student page reads it before the session client has loaded.
 */
export const viewKey = (sessionId: string, studentId: string) =>
  `classpulse:v1:view:${sessionId}:${studentId}`;

export interface CachedView {
  v: number;
  session: PublicSessionView;
  self: StudentSelfView | null;
}

/** The kept view of this student, if it is one this version of the page can show. */
export function readCachedView(
  storage: KeyValueStorage,
  sessionId: string,
  studentId: string,
): CachedView | null {
  const cached = readJson<CachedView>(storage, viewKey(sessionId, studentId));
  if (cached?.v !== PROTOCOL_VERSION || !Array.isArray(cached.session?.slides)) return null;
  return cached.self && cached.self.studentId !== studentId ? { ...cached, self: null } : cached;
}

/**
 * What the session client will show once it loaded, from the device alone: the kept view of the
 * identity this browser has for `code`, still connecting. Null for a new student.
 */
export function cachedStudentState(
  storage: KeyValueStorage,
  code: string,
  transport: string,
): SessionClientState | null {
  const identity = readJson<{ sessionId?: unknown; studentId?: unknown }>(
    storage,
    identityKey(code.trim().toUpperCase()),
  );
  const { sessionId, studentId } = identity ?? {};
  if (typeof sessionId !== 'string' || typeof studentId !== 'string') return null;
  const cached = readCachedView(storage, sessionId, studentId);
  if (!cached) return null;
  const answers: Record<string, AnswerStatus> = {};
  for (const [slideId, r] of Object.entries(cached.self?.responses ?? {}))
    answers[slideId] = { slideId, answerId: r.answerId, answer: r.answer, status: 'received' };
  return {
    status: 'connecting',
    error: null,
    role: 'student',
    sessionId,
    studentId,
    session: cached.session,
    self: cached.self,
    answers,
    teacher: null,
    transport,
  };
}
