import type { Logger } from 'pino';
import type { Server, Socket } from 'socket.io';
import { publicSessionView, responseCounts, studentSelfView } from '../engine/index.ts';
import {
  LIMITS,
  navigateMessageSchema,
  pingMessageSchema,
  protocolError,
  PROTOCOL_VERSION,
  submitAnswerMessageSchema,
  teacherCommandMessageSchema,
  type ClientToServerEvents,
  type ProtocolError,
  type ServerToClientEvents,
  type TeacherSnapshot,
} from '../protocol/index.ts';
import type { Clock } from './clock.ts';
import type { LiveSession } from './live-session.ts';
import type { RealtimeMetrics } from './metrics.ts';
import { studentRoom, studentsRoom, teacherRoom } from './rooms.ts';
import type { SessionRegistry } from './session-registry.ts';
import type { SocketData } from './socket-data.ts';

type IO = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
type AppSocket = Socket<
  ClientToServerEvents,
  ServerToClientEvents,
  Record<string, never>,
  SocketData
>;
type Reply = { ok: true } | ProtocolError;
type EventName = keyof ClientToServerEvents;

export interface SocketHandlerDeps {
  registry: SessionRegistry;
  clock: Clock;
  logger: Logger;
  metrics: RealtimeMetrics;
}

/**
 * Handlers are shared by every socket (`this` is the socket) rather than closures per socket:
 * with 19,000 students connected, per-socket closures cost ~1.6 KiB each (bench:realtime's heap
 * snapshots). The dependencies are found through the socket's server.
 */
const depsByServer = new WeakMap<object, SocketHandlerDeps>();

export function registerSocketHandlers(io: IO, deps: SocketHandlerDeps): void {
  depsByServer.set(io, deps);
  io.on('connection', (socket) => {
    void onConnection(socket, deps).catch((error: unknown) => {
      deps.logger.error({ err: error }, 'connection setup failed');
      socket.disconnect(true);
    });
  });
}

async function onConnection(socket: AppSocket, deps: SocketHandlerDeps): Promise<void> {
  const { registry, metrics } = deps;
  const data = socket.data;
  // Before any await: socket.io drops events that arrive before a listener exists.
  socket.onAny(dispatchEvent);
  const live = await registry.get(data.sessionId);
  if (!live || !socket.connected) {
    if (live === undefined) socket.emit('session:closed', protocolError('session_not_found'));
    socket.disconnect(true);
    return;
  }
  registry.attach(live);
  metrics.connectedSockets.inc({ role: data.role });
  data.live = live;
  socket.on('disconnect', onDisconnect);

  const welcome = {
    role: data.role,
    sessionId: data.sessionId,
    serverTime: deps.clock.now(),
    protocolVersion: PROTOCOL_VERSION,
  };
  if (data.role === 'teacher') {
    await socket.join(teacherRoom(data.sessionId));
    socket.emit('session:welcome', welcome);
    socket.emit('teacher:snapshot', teacherSnapshot(live, deps.clock));
    return;
  }

  const { studentId } = data;
  await socket.join([studentsRoom(data.sessionId), studentRoom(data.sessionId, studentId)]);
  socket.emit('session:welcome', {
    ...welcome,
    studentId,
    ...(data.token ? { token: data.token } : {}),
  });
  data.token = undefined; // sent once; not worth keeping for the life of the connection
  socket.emit('student:session', publicSessionView(live.state));
  const self = studentSelfView(live.state, studentId);
  if (self) socket.emit('student:self', self);
  live.presence.connected(studentId, socket.conn.transport.name);
  // Only a long-polling connection can still upgrade (to WebSocket).
  if (socket.conn.transport.name !== 'websocket') {
    socket.conn.once('upgrade', () =>
      live.presence.transportChanged(studentId, socket.conn.transport.name),
    );
  }
}

/**
 * Every inbound event goes through here: rate limit, size cap, parse, run, count, reply. A
 * handler never throws into socket.io, and a reply always has the protocol's shape.
 */
function dispatchEvent(this: AppSocket, event: string, ...args: unknown[]): void {
  const deps = depsByServer.get(this.nsp.server);
  if (!deps) return;
  const ack = typeof args.at(-1) === 'function' ? (args.pop() as (r: Reply) => void) : undefined;
  const handler = Object.hasOwn(HANDLERS, event) ? HANDLERS[event as EventName] : undefined;
  if (!handler) {
    const error = protocolError('unknown_event');
    deps.metrics.countRejected('unknown_event');
    if (ack) ack(error);
    else this.emit('protocol:error', error);
    return;
  }
  const started = performance.now();
  void reply({ socket: this, data: this.data, deps }, args[0], handler).then((result) => {
    if (!result.ok) deps.metrics.countRejected(result.code);
    deps.metrics.ackLatency.observe({ event }, (performance.now() - started) / 1000);
    if (ack) ack(result);
    else if (!result.ok) this.emit('protocol:error', result);
  });
}

async function reply(context: EventContext, message: unknown, handler: Handler): Promise<Reply> {
  const { data, deps } = context;
  if (!data.bucket.take()) return protocolError('rate_limited');
  if (messageBytes(message) > LIMITS.maxPayloadBytes) return protocolError('payload_too_large');
  if (data.role === 'student')
    (await deps.registry.get(data.sessionId))?.presence.seen(data.studentId);
  try {
    return await handler(context, message);
  } catch (error) {
    deps.logger.error({ err: error }, 'handler failed');
    return protocolError('internal_error');
  }
}

function onDisconnect(this: AppSocket): void {
  const { data } = this;
  const live = data.live;
  const deps = depsByServer.get(this.nsp.server);
  if (!live || !deps) return;
  deps.metrics.connectedSockets.dec({ role: data.role });
  if (data.role === 'student') live.presence.disconnected(data.studentId);
  deps.registry.detach(live);
}

/** What a handler may use: the socket, what its handshake established, and the server's parts. */
interface EventContext {
  socket: AppSocket;
  data: SocketData;
  deps: SocketHandlerDeps;
}

type Handler = (context: EventContext, message: unknown) => Promise<Reply>;

const HANDLERS: Record<EventName, Handler> = {
  'teacher:command': async ({ socket, data, deps }, message) => {
    if (data.role !== 'teacher') return protocolError('forbidden');
    const parsed = teacherCommandMessageSchema.safeParse(message);
    if (!parsed.success) return badRequest(parsed.error.issues[0]);
    if (parsed.data.sessionId !== data.sessionId) return protocolError('forbidden');
    const result = await deps.registry.execute(
      data.sessionId,
      { actor: { role: 'teacher', teacherId: data.teacherId }, command: parsed.data.command },
      socket.id,
    );
    return result.ok ? { ok: true, seq: result.state.seq } : result;
  },
  'student:submit': async ({ socket, data, deps }, message) => {
    if (data.role !== 'student') return protocolError('forbidden');
    const parsed = submitAnswerMessageSchema.safeParse(message);
    if (!parsed.success) return badRequest(parsed.error.issues[0]);
    const m = parsed.data;
    if (m.sessionId !== data.sessionId) return protocolError('forbidden');
    const result = await deps.registry.execute(
      data.sessionId,
      {
        actor: { role: 'student', studentId: data.studentId },
        command: {
          type: 'submitAnswer',
          slideId: m.slideId,
          answerId: m.answerId,
          answer: m.answer,
          clientCreatedAt: m.clientCreatedAt,
        },
      },
      socket.id,
    );
    if (!result.ok) return result;
    const stored = result.state.responses[m.slideId]?.[data.studentId];
    if (!stored) return protocolError('internal_error');
    return {
      ok: true,
      answerId: m.answerId,
      duplicate: result.duplicate,
      response: {
        answerId: stored.answerId,
        answer: stored.answer,
        submittedAt: stored.submittedAt,
        hidden: stored.hidden,
      },
    };
  },
  'student:navigate': async ({ socket, data, deps }, message) => {
    if (data.role !== 'student') return protocolError('forbidden');
    const parsed = navigateMessageSchema.safeParse(message);
    if (!parsed.success) return badRequest(parsed.error.issues[0]);
    if (parsed.data.sessionId !== data.sessionId) return protocolError('forbidden');
    const result = await deps.registry.execute(
      data.sessionId,
      {
        actor: { role: 'student', studentId: data.studentId },
        command: { type: 'navigate', slideIndex: parsed.data.slideIndex },
      },
      socket.id,
    );
    return result.ok
      ? { ok: true, position: result.state.students[data.studentId]?.position ?? 0 }
      : result;
  },
  'session:sync': async ({ data, deps }) => {
    const session = await deps.registry.get(data.sessionId);
    if (!session) return protocolError('session_not_found');
    if (data.role === 'teacher') {
      return { ok: true, teacher: teacherSnapshot(session, deps.clock) };
    }
    const self = studentSelfView(session.state, data.studentId);
    if (!self) return protocolError('student_removed');
    return { ok: true, student: { session: publicSessionView(session.state), self } };
  },
  ping: async ({ deps }, message) => {
    const parsed = pingMessageSchema.safeParse(message);
    if (!parsed.success) return badRequest(parsed.error.issues[0]);
    return { ok: true, serverTime: deps.clock.now(), sentAt: parsed.data.sentAt };
  },
};

function teacherSnapshot(live: LiveSession, clock: Clock): TeacherSnapshot {
  return {
    state: live.state,
    presence: live.presence.snapshot(),
    counts: responseCounts(live.state),
    serverTime: clock.now(),
  };
}

function badRequest(issue: { message: string; path: PropertyKey[] } | undefined): ProtocolError {
  return protocolError('bad_request', issue?.message, issue?.path.map(String).join('.'));
}

/** The message's size as UTF-8 JSON, the unit of `LIMITS.maxPayloadBytes`. */
function messageBytes(message: unknown): number {
  if (message === undefined) return 0;
  try {
    const json = JSON.stringify(message) as string | undefined;
    return json === undefined ? 0 : Buffer.byteLength(json, 'utf8');
  } catch {
    return Number.POSITIVE_INFINITY;
  }
}
