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
import { TokenBucket } from './rate-limiter.ts';
import type { SessionRegistry } from './session-registry.ts';
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
  registry: SessionRegistry;
  tokens: TokenService;
  clock: Clock;
  logger: Logger;
  metrics: RealtimeMetrics;
  rateLimitPerSecond: number;
  rateLimitBurst: number;
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
    authenticate(deps, socket.handshake.auth).then(
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

type Authenticated =
  | { role: 'teacher'; sessionId: string; teacherId: string }
  | { role: 'student'; sessionId: string; studentId: string; token?: string };

async function authenticate(
  deps: HandshakeDeps,
  raw: unknown,
): Promise<Authenticated | ProtocolError> {
  const auth = authSchema.safeParse(raw);
  if (!auth.success) return protocolError('unauthorized', 'Send a token or a join code.');
  if (auth.data.v !== PROTOCOL_VERSION) return protocolError('unsupported_protocol_version');

  if ('join' in auth.data) {
    const code = joinCodeSchema.safeParse(auth.data.join.code);
    if (!code.success) return protocolError('join_code_not_found', code.error.issues[0]?.message);
    const live = await deps.registry.findByJoinCode(code.data);
    if (!live) return protocolError('join_code_not_found');
    const studentId = randomId();
    const joined = await deps.registry.execute(live.id, {
      actor: { role: 'student', studentId },
      command: { type: 'join', name: auth.data.join.name },
    });
    if (!joined.ok) return joined;
    const token = await deps.tokens.signStudent(live.id, studentId);
    return { role: 'student', sessionId: live.id, studentId, token };
  }

  const verified = await deps.tokens.verify(auth.data.token);
  if (!verified.ok) {
    return protocolError(
      'unauthorized',
      verified.reason === 'expired' ? 'Your sign-in expired.' : undefined,
    );
  }
  const claims = verified.claims;
  if (claims.role === 'teacher-account') return protocolError('forbidden', 'Use a session token.');
  const live = await deps.registry.get(claims.sid);
  if (!live) return protocolError('session_not_found');

  if (claims.role === 'teacher') {
    if (live.state.teacherId !== claims.sub) return protocolError('forbidden');
    return { role: 'teacher', sessionId: live.id, teacherId: claims.sub };
  }
  const student = live.state.students[claims.sub];
  if (!student) return protocolError('student_not_found');
  if (student.removed) return protocolError('student_removed');
  return { role: 'student', sessionId: live.id, studentId: claims.sub };
}
