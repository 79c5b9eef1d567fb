import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import {
  createSessionRequestSchema,
  idSchema,
  signedInStudentSchema,
  protocolError,
  type ErrorCode,
  type ProtocolError,
} from '../protocol/index.ts';
import { joinSource, type JoinLimiter } from './join-limiter.ts';
import type { RealtimeMetrics } from './metrics.ts';
import { writeAnswersStream } from './answers-stream.ts';
import { authenticate } from './handshake.ts';
import type { SessionOps } from './session-ops.ts';
import type { TokenClaims, TokenService } from './tokens.ts';

/** A full deck (100 slides with text, notes and image descriptions) fits with room to spare. */
const BODY_BYTES_MAX = 4 * 1024 * 1024;

const STATUS: Partial<Record<ErrorCode, number>> = {
  bad_request: 400,
  payload_too_large: 413,
  unauthorized: 401,
  forbidden: 403,
  sign_in_required: 403,
  student_removed: 403,
  joining_locked: 403,
  waiting_for_teacher: 403,
  class_full: 409,
  join_rate_limited: 429,
  session_not_found: 404,
  session_live: 409,
  join_code_not_found: 404,
  storage_failed: 503,
  unavailable: 503,
  internal_error: 500,
};

export interface HttpApiDeps {
  ops: SessionOps;
  tokens: TokenService;
  metrics: RealtimeMetrics;
  logger: Logger;
  corsOrigins: '*' | string[];
  isHealthy(): boolean;
  /** Cluster mode: the id this process holds session leases under (for operators). */
  processId?: string | undefined;
  /** Called after a session was deleted, to disconnect its sockets. */
  sessionDeleted(sessionId: string): void;
  /** Called after a student was erased from a session, to disconnect their sockets. */
  studentErased(sessionId: string, studentId: string): void;
  joinLimiter: JoinLimiter;
  trustProxy: 'loopback' | 'private';
  /** New sessions end to new students after this long without their teacher (0: never). */
  sessionIdleEndMs: number;
}

/**
 * Plain HTTP next to socket.io: `POST /v1/join` (a join code and a name, or a student token)
 * joins or resumes a student without a socket, for transports that do not talk to this tier
 * (Firebase); `POST /v1/sessions` (teacher account token) creates a session;
 * `GET`/`DELETE /v1/sessions/:id` (that session's teacher token) read it for reports or delete it
 * with every answer (the owner only); `POST /v1/sessions/:id/commands` runs one teacher command
 * (the web app sets co-teachers with it); `GET /v1/sessions/:id/health` (the same token) its health report;
 * `GET /v1/sessions/:id/answers` (the same token) its answers for reports, streamed as NDJSON;
 * `/healthz` (the internal port also serves it, with `/metrics`: internal-server.ts).
 */
export function createHttpApi(deps: HttpApiDeps) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    route(deps, req, res).catch((error: unknown) => {
      deps.logger.error({ err: error }, 'http handler failed');
      if (!res.headersSent) sendError(res, protocolError('internal_error'));
      else res.end();
    });
  };
}

async function route(deps: HttpApiDeps, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const path = url.pathname;

  if (path === '/healthz') {
    const healthy = deps.isHealthy();
    return sendJson(res, healthy ? 200 : 503, {
      status: healthy ? 'ok' : 'shutting-down',
      ...(deps.processId ? { processId: deps.processId } : {}),
    });
  }
  if (!path.startsWith('/v1/'))
    return sendJson(res, 404, { ok: false, code: 'not_found', message: 'Not found.' });

  applyCors(deps, req, res);
  if (req.method === 'OPTIONS') {
    res.writeHead(204).end();
    return;
  }

  if (path === '/v1/join' && req.method === 'POST') {
    const body = await readJson(req);
    if (!body.ok) return sendError(res, body);
    const member = await authenticate(
      deps,
      body.value,
      joinSource(req.socket.remoteAddress, req.headers['x-forwarded-for'], deps.trustProxy),
    );
    // Every refused join is counted by its reason, as the socket handshake counts them.
    if ('ok' in member) {
      deps.metrics.countRejected(member.code);
      return sendError(res, member);
    }
    if (member.role !== 'student')
      return sendError(res, protocolError('forbidden', 'Join as a student.'));
    return sendJson(res, 200, {
      ok: true,
      sessionId: member.sessionId,
      studentId: member.studentId,
      ...(member.token ? { token: member.token } : {}),
    });
  }

  if (path === '/v1/sessions' && req.method === 'POST') {
    const claims = await bearer(deps, req);
    if (!claims.ok) return sendError(res, claims);
    if (claims.claims.role !== 'teacher-account') return sendError(res, protocolError('forbidden'));
    const body = await readJson(req);
    if (!body.ok) return sendError(res, body);
    const parsed = createSessionRequestSchema.safeParse(body.value);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return sendError(
        res,
        protocolError('bad_request', issue?.message, issue?.path.map(String).join('.')),
      );
    }
    // The deployment's idle end applies unless the request chose its own.
    const idleEnd = deps.sessionIdleEndMs > 0 ? { idleEndMs: deps.sessionIdleEndMs } : {};
    const created = await deps.ops.create(claims.claims.sub, parsed.data.deck, {
      ...idleEnd,
      ...parsed.data.settings,
    });
    if ('ok' in created) return sendError(res, created);
    const teacherToken = await deps.tokens.signTeacher(created.id, created.teacherId);
    return sendJson(res, 201, {
      ok: true,
      sessionId: created.id,
      joinCode: created.joinCode,
      teacherToken,
    });
  }

  // `/v1/sessions/:id/students` (POST): the web app adds a student whose school sign-in it
  // verified (service token), to a session that may ask students to sign in.
  const students = /^\/v1\/sessions\/([A-Za-z0-9_-]{1,64})\/students$/.exec(path);
  if (students?.[1] && req.method === 'POST') {
    const claims = await bearer(deps, req);
    if (!claims.ok) return sendError(res, claims);
    if (claims.claims.role !== 'service') return sendError(res, protocolError('forbidden'));
    const body = await readJson(req);
    if (!body.ok) return sendError(res, body);
    const parsed = signedInStudentSchema.safeParse(body.value);
    if (!parsed.success)
      return sendError(res, protocolError('bad_request', parsed.error.issues[0]?.message));
    const joined = await deps.ops.join(students[1], parsed.data.studentId, parsed.data.name, true);
    if (!joined.ok) return sendError(res, joined);
    return sendJson(res, 201, {
      ok: true,
      studentId: parsed.data.studentId,
      token: await deps.tokens.signStudent(students[1], parsed.data.studentId),
    });
  }

  // `/v1/sessions/:id/students/:studentId` (GET, DELETE): one student's data, exported or erased
  // (protocol/student-export.ts), for the session's teacher (erasing: its owner).
  const student = /^\/v1\/sessions\/([^/]+)\/students\/([^/]+)$/.exec(path);
  if (student?.[1] && student[2] && (req.method === 'GET' || req.method === 'DELETE'))
    return studentData(deps, req, res, student[1], student[2]);

  // `/v1/sessions/:id/commands` (POST): one teacher command, from a teacher token of the session
  // (the owner's or a co-teacher's), decided by the engine like one from the dashboard's socket.
  const command = /^\/v1\/sessions\/([A-Za-z0-9_-]{1,64})\/commands$/.exec(path);
  if (command?.[1] && req.method === 'POST') {
    const sessionId = command[1];
    const claims = await bearer(deps, req);
    if (!claims.ok) return sendError(res, claims);
    if (claims.claims.role !== 'teacher' || claims.claims.sid !== sessionId)
      return sendError(res, protocolError('forbidden'));
    const body = await readJson(req);
    if (!body.ok) return sendError(res, body);
    const reply = await deps.ops.handle(
      sessionId,
      { role: 'teacher', teacherId: claims.claims.sub },
      'teacher:command',
      { sessionId, command: body.value },
      'http',
    );
    return reply.ok ? sendJson(res, 200, reply) : sendError(res, reply);
  }

  // `/v1/sessions/:id` (GET, DELETE), `/v1/sessions/:id/health` and `/v1/sessions/:id/answers`
  // (GET): that session's teacher.
  const match = /^\/v1\/sessions\/([A-Za-z0-9_-]{1,64})(\/health|\/answers)?$/.exec(path);
  const health = match?.[2] === '/health';
  const answers = match?.[2] === '/answers';
  if (match?.[1] && (req.method === 'GET' || (req.method === 'DELETE' && !match[2]))) {
    const sessionId = match[1];
    const claims = await bearer(deps, req);
    if (!claims.ok) return sendError(res, claims);
    if (claims.claims.role !== 'teacher' || claims.claims.sid !== sessionId) {
      return sendError(res, protocolError('forbidden'));
    }
    if (health) {
      const report = await deps.ops.health(sessionId, claims.claims.sub);
      return report.ok ? sendJson(res, 200, report) : sendError(res, report);
    }
    if (answers) {
      // Streamed: a session of a million answers never becomes one string (answers-stream.ts).
      const report = await deps.ops.report(sessionId, claims.claims.sub);
      return report.ok ? writeAnswersStream(res, report.state) : sendError(res, report);
    }
    if (req.method === 'GET') {
      const report = await deps.ops.report(sessionId, claims.claims.sub);
      return report.ok ? sendJson(res, 200, report) : sendError(res, report);
    }
    const deleted = await deps.ops.delete(sessionId, claims.claims.sub);
    if (!deleted.ok) return sendError(res, deleted);
    deps.sessionDeleted(sessionId);
    res.writeHead(204).end();
    return;
  }
  return sendJson(res, 404, { ok: false, code: 'not_found', message: 'Not found.' });
}

async function studentData(
  deps: HttpApiDeps,
  req: IncomingMessage,
  res: ServerResponse,
  rawSessionId: string,
  rawStudentId: string,
): Promise<void> {
  const ids = parseIds(rawSessionId, rawStudentId);
  if ('ok' in ids) return sendError(res, ids);
  const { sessionId, studentId } = ids;
  const claims = await bearer(deps, req);
  if (!claims.ok) return sendError(res, claims);
  if (claims.claims.role !== 'teacher' || claims.claims.sid !== sessionId)
    return sendError(res, protocolError('forbidden'));
  if (req.method === 'GET') {
    const exported = await deps.ops.exportStudent(sessionId, claims.claims.sub, studentId);
    return 'ok' in exported ? sendNotFoundOr(res, exported) : sendJson(res, 200, exported);
  }
  const erasure = await deps.ops.eraseStudent(sessionId, claims.claims.sub, studentId);
  if (!erasure.ok) return sendNotFoundOr(res, erasure);
  if (erasure.erased) deps.studentErased(sessionId, studentId);
  return sendJson(res, 200, erasure);
}

/** Both path ids checked like any input: a clear 400 naming the bad one. */
function parseIds(
  rawSessionId: string,
  rawStudentId: string,
): { sessionId: string; studentId: string } | ProtocolError {
  const ids: Record<'sessionId' | 'studentId', string> = { sessionId: '', studentId: '' };
  for (const [field, raw] of [
    ['sessionId', rawSessionId],
    ['studentId', rawStudentId],
  ] as const) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(raw);
    } catch {
      return protocolError('bad_request', 'The id is not valid URL encoding.', field);
    }
    const parsed = idSchema.safeParse(decoded);
    if (!parsed.success)
      return protocolError('bad_request', parsed.error.issues[0]?.message, field);
    ids[field] = parsed.data;
  }
  return ids;
}

/** An unknown session or student is a plain 404 `not_found` (the contract web codes against). */
function sendNotFoundOr(res: ServerResponse, error: ProtocolError): void {
  if (error.code === 'session_not_found' || error.code === 'student_not_found')
    return sendJson(res, 404, { ok: false, code: 'not_found', message: error.message });
  sendError(res, error);
}

async function bearer(
  deps: HttpApiDeps,
  req: IncomingMessage,
): Promise<{ ok: true; claims: TokenClaims } | ProtocolError> {
  const header = req.headers.authorization ?? '';
  const token = header.startsWith('Bearer ') ? header.slice('Bearer '.length).trim() : '';
  if (!token) return protocolError('unauthorized');
  const verified = await deps.tokens.verify(token);
  return verified.ok ? verified : protocolError('unauthorized');
}

function readJson(req: IncomingMessage): Promise<{ ok: true; value: unknown } | ProtocolError> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    const finish = (result: { ok: true; value: unknown } | ProtocolError) => {
      if (!done) resolve(result);
      done = true;
    };
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > BODY_BYTES_MAX) {
        finish(protocolError('payload_too_large'));
        req.destroy();
      } else chunks.push(chunk);
    });
    req.on('error', () => finish(protocolError('bad_request')));
    req.on('end', () => {
      try {
        finish({ ok: true, value: JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown });
      } catch {
        finish(protocolError('bad_request', 'The body is not valid JSON.'));
      }
    });
  });
}

function applyCors(deps: HttpApiDeps, req: IncomingMessage, res: ServerResponse): void {
  const origin = req.headers.origin;
  if (!origin) return;
  if (deps.corsOrigins !== '*' && !deps.corsOrigins.includes(origin)) return;
  res.setHeader('access-control-allow-origin', deps.corsOrigins === '*' ? '*' : origin);
  res.setHeader('vary', 'origin');
  res.setHeader('access-control-allow-methods', 'GET, POST, DELETE, OPTIONS');
  res.setHeader('access-control-allow-headers', 'authorization, content-type');
  res.setHeader('access-control-max-age', '600');
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
  });
  res.end(JSON.stringify(body));
}

function sendError(res: ServerResponse, error: ProtocolError): void {
  sendJson(res, STATUS[error.code] ?? 409, error);
}
