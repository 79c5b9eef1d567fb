import type { Logger } from 'pino';
import type { Server, Socket } from 'socket.io';
import {
  LIMITS,
  pingMessageSchema,
  protocolError,
  PROTOCOL_VERSION,
  type ClientToServerEvents,
  type ServerToClientEvents,
} from '../protocol/index.ts';
import type { Clock } from './clock.ts';
import type { RealtimeMetrics } from './metrics.ts';
import { TokenBucket } from './rate-limiter.ts';
import type { SyncBudget } from './sync-budget.ts';
import { renewTeacherToken, wallClockNow, watchTeacherExpiry } from './teacher-expiry.ts';
import type { TokenService } from './tokens.ts';
import { studentRoom, studentsRoom, teacherRoom } from './rooms.ts';
import { isPingOnly, memberOf, type InterServerEvents, type SocketData } from './socket-data.ts';
import { SESSION_EVENTS, type Reply, type SessionOps } from './session-ops.ts';

type IO = Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;
type AppSocket = Socket<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;

export interface SocketHandlerDeps {
  ops: SessionOps;
  clock: Clock;
  logger: Logger;
  metrics: RealtimeMetrics;
  tokens: TokenService;
  /** The most sockets one student keeps on this process; a new one closes the oldest. */
  socketsPerStudent: number;
  /** Each session's shared budget for `session:sync` replies (tokens of SYNC_BYTES_PER_TOKEN). */
  syncBudget: SyncBudget;
  /** `session:sync` per socket (after a burst: syncBurst). */
  syncsPerMinutePerSocket: number;
  /** Consecutive rate-limit refusals after which a socket is closed. */
  refusalsBeforeDisconnect: number;
}

/**
 * Syncs a socket may send at once: on connecting, after a gap, and one spare (or a second's worth,
 * when the deployment allows more than three a second).
 */
const syncBurst = (perMinute: number) => Math.max(3, perMinute / 60);

/**
 * Handlers are shared by every socket (`this` is the socket) rather than closures per socket:
 * with 19,000 students connected, per-socket closures cost ~1.6 KiB each (bench:realtime's heap
 * snapshots). The dependencies are found through the socket's server.
 */
const depsByServer = new WeakMap<object, SocketHandlerDeps>();
const SESSION_EVENT_SET: ReadonlySet<string> = new Set(SESSION_EVENTS);

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
  const { ops, metrics } = deps;
  const data = socket.data;
  // Before any await: socket.io drops events that arrive before a listener exists.
  socket.onAny(dispatchEvent);
  if (isPingOnly(data)) {
    // A probe or a shadow connection opens no session (no presence, no roster): it is counted
    // while connected and may only ping (reply()).
    data.opened = true;
    metrics.connectedSockets.inc({ role: data.role });
    socket.on('disconnect', onDisconnect);
    return;
  }
  const member = memberOf(data);
  const opened = await ops.open(data.sessionId, member, socket.conn.transport.name, socket.id);
  if (!('role' in opened) || !socket.connected) {
    if (!('role' in opened)) socket.emit('session:closed', opened);
    else void ops.close(data.sessionId, member, socket.id); // it went away while opening
    socket.disconnect(true);
    return;
  }
  data.opened = true;
  metrics.connectedSockets.inc({ role: data.role });
  socket.on('disconnect', onDisconnect);

  const welcome = {
    role: data.role,
    sessionId: data.sessionId,
    serverTime: deps.clock.now(),
    protocolVersion: PROTOCOL_VERSION,
  };
  if (opened.role === 'teacher') {
    watchTeacherExpiry(socket);
    await socket.join(teacherRoom(data.sessionId));
    socket.emit('session:welcome', welcome);
    socket.emit('teacher:snapshot', opened.snapshot);
    return;
  }
  if (data.role !== 'student') return;

  const { studentId } = data;
  const own = studentRoom(data.sessionId, studentId);
  await socket.join([studentsRoom(data.sessionId), own]);
  closeOldestBeyond(socket, own, deps);
  socket.emit('session:welcome', {
    ...welcome,
    studentId,
    ...(data.token ? { token: data.token } : {}),
  });
  data.token = undefined; // sent once; not worth keeping for the life of the connection
  if (data.earlyRttMs !== undefined) {
    reportRtt(socket, deps, data.earlyRttMs);
    data.earlyRttMs = undefined;
  }
  socket.emit('student:session', opened.session);
  if (opened.self) socket.emit('student:self', opened.self);
  // Only a long-polling connection can still upgrade (to WebSocket).
  if (socket.conn.transport.name !== 'websocket') {
    socket.conn.once('upgrade', () => {
      void ops.transportChanged(data.sessionId, studentId, socket.conn.transport.name, socket.id);
    });
  }
}

/**
 * One student token may not hold the process's sockets (each with its own rate allowance): past
 * `socketsPerStudent`, the oldest of the student's sockets here are told why and closed. A room
 * keeps sockets in the order they joined.
 */
function closeOldestBeyond(socket: AppSocket, room: string, deps: SocketHandlerDeps): void {
  const members = socket.nsp.adapter.rooms.get(room);
  if (!members || members.size <= deps.socketsPerStudent) return;
  let excess = members.size - deps.socketsPerStudent;
  for (const id of [...members]) {
    if (excess === 0) break;
    const oldest = socket.nsp.sockets.get(id);
    if (!oldest || oldest.id === socket.id) continue;
    excess--;
    deps.metrics.countRejected('too_many_connections');
    oldest.emit('session:closed', protocolError('too_many_connections'));
    oldest.disconnect(true);
  }
}

/**
 * Every inbound event goes through here: rate limit, size cap, run, count, reply. A handler
 * never throws into socket.io, and a reply always has the protocol's shape.
 */
function dispatchEvent(this: AppSocket, event: string, ...args: unknown[]): void {
  const deps = depsByServer.get(this.nsp.server);
  if (!deps) return;
  const ack = typeof args.at(-1) === 'function' ? (args.pop() as (r: Reply) => void) : undefined;
  if (event !== 'ping' && event !== 'auth:renew' && !SESSION_EVENT_SET.has(event)) {
    const error = protocolError('unknown_event');
    deps.metrics.countRejected('unknown_event');
    if (ack) ack(error);
    else this.emit('protocol:error', error);
    return;
  }
  const started = performance.now();
  void reply(this, deps, event, args[0]).then((result) => {
    if (!result.ok) deps.metrics.countRejected(result.code);
    else if (event === 'session:sync') chargeSync(this, deps, result);
    if (closedForIgnoringLimits(this, deps, result)) return;
    deps.metrics.observeAck(event, (performance.now() - started) / 1000);
    if (ack) ack(result);
    else if (!result.ok) this.emit('protocol:error', result);
  });
}

/**
 * Closes a socket whose last `refusalsBeforeDisconnect` messages were all refused for their rate:
 * every refusal still costs a decode and a reply, so a client that never slows down is cut off
 * (it may connect again, through the handshake's own limits). True when it was closed.
 */
function closedForIgnoringLimits(
  socket: AppSocket,
  deps: SocketHandlerDeps,
  result: Reply,
): boolean {
  const { data } = socket;
  // Replies still in flight when it was closed: counted once, answered no more.
  if (!socket.connected) return true;
  if (result.ok || result.code !== 'rate_limited') {
    // Written only after a refusal: a socket that never was refused keeps its shape.
    if (data.refusedInARow) data.refusedInARow = 0;
    return false;
  }
  data.refusedInARow = (data.refusedInARow ?? 0) + 1;
  if (data.refusedInARow < deps.refusalsBeforeDisconnect) return false;
  deps.metrics.countRejected('closed_ignoring_rate_limit');
  socket.emit('session:closed', protocolError('rate_limited', 'Too many messages; reconnecting.'));
  socket.disconnect(true);
  return true;
}

/** Reply bytes one message token pays for: a sync of a big named reveal costs dozens. */
export const SYNC_BYTES_PER_TOKEN = 4 * 1024;

/**
 * `session:sync` answers a few bytes with the whole view (122 KiB for 2,000 names revealed): its
 * cost is charged by size, to the socket's own allowance and to the session's shared sync budget,
 * so syncing in a loop (from one socket or hundreds) cannot crowd out everyone else's answers.
 */
function chargeSync(socket: AppSocket, deps: SocketHandlerDeps, result: Reply): void {
  const tokens = Math.floor(JSON.stringify(result).length / SYNC_BYTES_PER_TOKEN);
  if (tokens === 0) return;
  socket.data.bucket.charge(tokens);
  if ('sessionId' in socket.data && socket.data.sessionId)
    deps.syncBudget.charge(socket.data.sessionId, tokens);
}

async function reply(
  socket: AppSocket,
  deps: SocketHandlerDeps,
  event: string,
  message: unknown,
): Promise<Reply> {
  const { data } = socket;
  if (!data.bucket.take()) return protocolError('rate_limited');
  const sessionId = 'sessionId' in data ? data.sessionId : undefined;
  if (event === 'session:sync') {
    const syncs = (data.syncBucket ??= new TokenBucket(
      deps.syncsPerMinutePerSocket / 60,
      syncBurst(deps.syncsPerMinutePerSocket),
      deps.clock,
    ));
    if (!syncs.take()) return protocolError('rate_limited', 'Syncing too often; wait a little.');
    if (sessionId && !deps.syncBudget.allows(sessionId))
      return protocolError('rate_limited', 'Too many students are catching up; try again shortly.');
  }
  if (exceedsPayloadLimit(message)) return protocolError('payload_too_large');
  try {
    if (event === 'ping') return ping(socket, deps, message);
    if (isPingOnly(data)) return protocolError('forbidden', `A ${data.role} may only ping.`);
    if (event === 'auth:renew') return await renewTeacherToken(socket, deps, message);
    // The expiry timer closes the socket; a command racing it is refused all the same.
    if (data.role === 'teacher' && wallClockNow() >= data.expiresAt)
      return protocolError('unauthorized', 'Your sign-in expired.');
    return await deps.ops.handle(
      data.sessionId,
      memberOf(data),
      event as (typeof SESSION_EVENTS)[number],
      message,
      socket.id,
    );
  } catch (error) {
    deps.logger.error({ err: error }, 'handler failed');
    return protocolError('internal_error');
  }
}

/**
 * Answered where the socket is: it measures the connection, not the session. A student's ping
 * may carry the round trip it measured last; the session's owner keeps the latest for the
 * teacher's roster (presence, in memory), without waiting for it.
 */
function ping(socket: AppSocket, deps: SocketHandlerDeps, message: unknown): Reply {
  const parsed = pingMessageSchema.safeParse(message);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return protocolError('bad_request', issue?.message, issue?.path.map(String).join('.'));
  }
  const { rttMs } = parsed.data;
  if (rttMs !== undefined && socket.data.role === 'student') {
    // A client may ping as soon as it is connected, before the session counted the connection.
    if (socket.data.opened) reportRtt(socket, deps, rttMs);
    else socket.data.earlyRttMs = rttMs;
  }
  return { ok: true, serverTime: deps.clock.now(), sentAt: parsed.data.sentAt };
}

function reportRtt(socket: AppSocket, deps: SocketHandlerDeps, rttMs: number): void {
  const { data } = socket;
  if (data.role !== 'student') return;
  const { sessionId, studentId } = data;
  deps.ops.reportRtt(sessionId, studentId, socket.conn.transport.name, rttMs).catch((error) => {
    deps.logger.warn({ err: error, sessionId }, 'recording a round trip failed');
  });
}

function onDisconnect(this: AppSocket, reason: string): void {
  const { data } = this;
  if (data.role === 'teacher') clearTimeout(data.expiry);
  const deps = depsByServer.get(this.nsp.server);
  if (!data.opened || !deps) return;
  data.opened = false;
  deps.metrics.connectedSockets.dec({ role: data.role });
  if (isPingOnly(data)) return;
  deps.ops.close(data.sessionId, memberOf(data), this.id, reason).catch((error: unknown) => {
    deps.logger.warn({ err: error, sessionId: data.sessionId }, 'closing a connection failed');
  });
}

/** Whether the message's size as UTF-8 JSON is over `LIMITS.maxPayloadBytes`. */
function exceedsPayloadLimit(message: unknown): boolean {
  if (message === undefined) return false;
  // Most messages are a few hundred bytes: a cheap upper bound spares serializing each one.
  if (jsonBytesAtMost(message, 0) <= LIMITS.maxPayloadBytes) return false;
  try {
    const json = JSON.stringify(message) as string | undefined;
    return json !== undefined && Buffer.byteLength(json, 'utf8') > LIMITS.maxPayloadBytes;
  } catch {
    return true;
  }
}

/**
 * An upper bound of `value`'s size as UTF-8 JSON, never below the real one: every UTF-16 unit of
 * a string counted as 6 bytes (the longest escape, `\uXXXX`), every number as 24. Too deep to
 * bother with: Infinity (then the exact size is measured).
 */
function jsonBytesAtMost(value: unknown, depth: number): number {
  switch (typeof value) {
    case 'string':
      return value.length * 6 + 2;
    case 'number':
      return 24;
    case 'boolean':
      return 5;
    case 'object': {
      if (value === null) return 4;
      if (depth > 16) return Number.POSITIVE_INFINITY;
      let bytes = 2;
      if (Array.isArray(value)) {
        for (const item of value) bytes += jsonBytesAtMost(item, depth + 1) + 1;
        return bytes;
      }
      for (const key in value) {
        bytes +=
          key.length * 6 + 4 + jsonBytesAtMost((value as Record<string, unknown>)[key], depth + 1);
      }
      return bytes;
    }
    default:
      return 4; // undefined, functions: left out or written as null
  }
}
