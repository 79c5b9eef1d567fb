import type { Socket } from 'socket.io';
import {
  protocolError,
  type ClientToServerEvents,
  type ServerToClientEvents,
} from '../protocol/index.ts';
import type { Reply, SessionOps } from './session-ops.ts';
import type { InterServerEvents, SocketData } from './socket-data.ts';
import type { TokenService } from './tokens.ts';

type AppSocket = Socket<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;

/**
 * Token expiry is wall-clock time, like the JWT `exp` jose checks, not the session clock a test
 * may inject.
 */
export const wallClockNow = (): number => Date.now();

/** Longest single wait (setTimeout's limit is ~24.8 days; a token may live longer). */
const MAX_WAIT_MS = 2 ** 31 - 1;

/**
 * A teacher socket lives as long as its token, renewed or not: at `expiresAt` it is told why
 * (`session:closed`, unauthorized) and closed, so a dashboard whose account was disabled, or
 * removed as a co-teacher, stops receiving the class's answers.
 */
export function watchTeacherExpiry(socket: AppSocket): void {
  const { data } = socket;
  if (data.role !== 'teacher') return;
  clearTimeout(data.expiry);
  const wait = Math.min(Math.max(data.expiresAt - wallClockNow(), 0), MAX_WAIT_MS);
  data.expiry = setTimeout(() => {
    if (!socket.connected) return;
    if (wallClockNow() < data.expiresAt) return watchTeacherExpiry(socket);
    socket.emit('session:closed', protocolError('unauthorized', 'Your sign-in expired.'));
    socket.disconnect(true);
  }, wait);
  data.expiry.unref?.();
}

/**
 * `auth:renew`: a fresh token for the same role, session and account, of an account that still
 * teaches the session, moves the expiry. Anything else (another session or account, a student
 * token, an expired or forged one) is refused and changes nothing.
 */
export async function renewTeacherToken(
  socket: AppSocket,
  deps: { tokens: TokenService; ops: SessionOps },
  token: unknown,
): Promise<Reply> {
  const { data } = socket;
  if (data.role !== 'teacher') return protocolError('forbidden', 'Only a teacher renews a token.');
  if (typeof token !== 'string' || token.length === 0 || token.length > 4096)
    return protocolError('bad_request', 'Send the new token.');
  const verified = await deps.tokens.verify(token);
  if (!verified.ok) return protocolError('unauthorized');
  const { claims } = verified;
  if (claims.role !== 'teacher' || claims.sid !== data.sessionId || claims.sub !== data.teacherId)
    return protocolError('forbidden', 'That token is for another session or account.');
  // Still one of the session's teachers (a co-teacher the owner removed is not).
  const admitted = await deps.ops.admit(data.sessionId, {
    role: 'teacher',
    teacherId: data.teacherId,
  });
  if (!admitted.ok) return admitted;
  if (verified.expiresAt > data.expiresAt) {
    data.expiresAt = verified.expiresAt;
    watchTeacherExpiry(socket);
  }
  return { ok: true, expiresAt: data.expiresAt };
}
