import type { Logger } from 'pino';
import type { ExtendedError, Socket } from 'socket.io';
import { z } from 'zod';
import {
  joinCodeSchema,
  protocolError,
  PROTOCOL_VERSION,
  type ErrorCode,
  type ProtocolError,
} from '../protocol/index.ts';
import type { Clock } from './clock.ts';
import { randomId } from './ids.ts';
import type { RealtimeMetrics } from './metrics.ts';
import { joinSource, type JoinLimiter } from './join-limiter.ts';
import { TokenBucket } from './rate-limiter.ts';
import type { SessionOps } from './session-ops.ts';
import type { SocketData } from './socket-data.ts';
import type { TokenService } from './tokens.ts';

const authSchema = z.union([
  z.object({ v: z.number(), token: z.string().min(1).max(4096) }),
  z.object({
    v: z.number(),
    join: z.object({ code: z.string().max(32), name: z.string().max(200) }),
  }),
]);

export interface HandshakeDeps {
  ops: SessionOps;
  tokens: TokenService;
  clock: Clock;
  logger: Logger;
  metrics: RealtimeMetrics;
  rateLimitPerSecond: number;
  rateLimitBurst: number;
  joinLimiter: JoinLimiter;
  /** Which peers may name the real source in X-Forwarded-For (join limits per source). */
  trustProxy: 'loopback' | 'private';
}

/** A connect_error whose `data` is the protocol's error shape, so clients can tell why. */
function refuse(code: ErrorCode, message?: string): ExtendedError {
  const error = new Error(message ?? code) as ExtendedError;
  error.data = protocolError(code, message);
  return error;
}

/**
 * Authenticates a socket before it connects: a teacher or student token, or a join by code that
 * creates the student (durably) and mints their token. Sets `socket.data`; nothing else does.
 */
export function createHandshake(deps: HandshakeDeps) {
  return (socket: Socket, next: (err?: ExtendedError) => void): void => {
    const source = joinSource(
      socket.handshake.address,
      socket.handshake.headers['x-forwarded-for'],
      deps.trustProxy,
    );
    authenticate(deps, socket.handshake.auth, source).then(
      (result) => {
        if ('ok' in result) {
          deps.metrics.countRejected(result.code);
          return next(refuse(result.code, result.message));
        }
        socket.data = {
          ...result,
          bucket: new TokenBucket(deps.rateLimitPerSecond, deps.rateLimitBurst, deps.clock),
        } as SocketData;
        next();
      },
      (error: unknown) => {
        deps.logger.error({ err: error }, 'handshake failed');
        next(refuse('internal_error'));
      },
    );
  };
}

export type Authenticated =
  | { role: 'probe'; probe: string }
  | { role: 'shadow' }
  | { role: 'teacher'; sessionId: string; teacherId: string; expiresAt: number }
  | { role: 'student'; sessionId: string; studentId: string; token?: string };

/**
 * Who a handshake's `auth` says it is: a token's member, or a new student joined by code (with
 * their freshly minted token). Shared by the socket handshake and `POST /v1/join`.
 */
export async function authenticate(
  deps: Pick<HandshakeDeps, 'ops' | 'tokens' | 'joinLimiter'>,
  raw: unknown,
  source: string,
): Promise<Authenticated | ProtocolError> {
  const auth = authSchema.safeParse(raw);
  if (!auth.success) return protocolError('unauthorized', 'Send a token or a join code.');
  if (auth.data.v !== PROTOCOL_VERSION) return protocolError('unsupported_protocol_version');

  if ('join' in auth.data) {
    const code = joinCodeSchema.safeParse(auth.data.join.code);
    if (!code.success) return protocolError('join_code_not_found', code.error.issues[0]?.message);
    // Guessing codes and flooding one both count, found or not.
    if (!deps.joinLimiter.allow(code.data, source)) return protocolError('join_rate_limited');
    const sessionId = await deps.ops.findByJoinCode(code.data);
    if (!sessionId) return protocolError('join_code_not_found');
    const studentId = randomId();
    const joined = await deps.ops.join(sessionId, studentId, auth.data.join.name);
    if (!joined.ok) return joined;
    const token = await deps.tokens.signStudent(sessionId, studentId);
    return { role: 'student', sessionId, studentId, token };
  }

  const verified = await deps.tokens.verify(auth.data.token);
  if (!verified.ok) {
    return protocolError(
      'unauthorized',
      verified.reason === 'expired' ? 'Your sign-in expired.' : undefined,
    );
  }
  const claims = verified.claims;
  if (claims.role === 'teacher-account' || claims.role === 'service')
    return protocolError('forbidden', 'Use a session token.');
  // A probe belongs to no session: it connects and pings (socket-handlers.ts), nothing else.
  if (claims.role === 'probe') return { role: 'probe', probe: claims.sub };
  // So does a dark-launch shadow connection: it measures the tier, it is nobody in a session.
  if (claims.role === 'shadow') return { role: 'shadow' };
  const sessionId = claims.sid;
  if (claims.role === 'teacher') {
    const admitted = await deps.ops.admit(sessionId, { role: 'teacher', teacherId: claims.sub });
    return admitted.ok
      ? { role: 'teacher', sessionId, teacherId: claims.sub, expiresAt: verified.expiresAt }
      : admitted;
  }
  const admitted = await deps.ops.admit(sessionId, { role: 'student', studentId: claims.sub });
  return admitted.ok ? { role: 'student', sessionId, studentId: claims.sub } : admitted;
}
