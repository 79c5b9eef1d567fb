/**
 * A real realtime server on port 0 in a temporary folder, plus the few things every server test
 * does with it: create a session over HTTP, connect teacher and student sockets, wait for an event,
 * and check that a reply has the protocol's one error shape. Waiting never sleeps: each helper
 * resolves on the event it expects (tests put a timeout on the test itself, not on the wait).
 */
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { io, type Socket } from 'socket.io-client';
import {
  ERROR_CODES,
  PROTOCOL_VERSION,
  type DeckInput,
  type ErrorCode,
  type Presence,
  type ProtocolError,
  type PublicSessionView,
  type SessionSettings,
  type SessionState,
  type StudentSelfView,
  type Welcome,
} from '../../src/protocol/index.ts';
import {
  createRealtimeServer,
  realtimeConfig,
  silentLogger,
  type RealtimeConfig,
  type RealtimeDeps,
  type RealtimeServer,
} from '../../src/server/index.ts';

/** Long enough for HS256; the same one signs every token of a harness's server. */
export const TEST_SECRET = 'harness-secret-'.padEnd(48, 'x');

/**
 * Sockets are untyped on purpose: the tests send what a hostile client would, not what the
 * protocol's event maps allow.
 */
export type ClientSocket = Socket;

export interface Harness {
  server: RealtimeServer;
  url: string;
  secret: string;
  /** Closes every socket this harness opened, then the server, then removes the folder. */
  close(): Promise<void>;
  /** Registers a socket to be closed by `close()` (connect helpers do it themselves). */
  track(socket: ClientSocket): ClientSocket;
}

export async function startServer(
  overrides: Partial<RealtimeConfig> = {},
  deps: Omit<RealtimeDeps, 'logger'> = {},
): Promise<Harness> {
  const dir = await mkdtemp(join(tmpdir(), 'classpulse-realtime-test-'));
  const server = await createRealtimeServer(
    realtimeConfig({
      port: 0,
      host: '127.0.0.1',
      tokenSecret: TEST_SECRET,
      dataDir: dir,
      sqlitePath: join(dir, 'db.sqlite'),
      logLevel: 'silent',
      // Tests read the teacher's view with session:sync after nearly every step; the per-socket
      // limit has its own tests (hostile-connections), which set it back.
      syncsPerMinutePerSocket: 6_000,
      ...overrides,
    }),
    { logger: silentLogger(), ...deps },
  );
  const sockets = new Set<ClientSocket>();
  let closed: Promise<void> | null = null;
  return {
    server,
    url: server.url,
    secret: overrides.tokenSecret ?? TEST_SECRET,
    track(socket) {
      sockets.add(socket);
      return socket;
    },
    close() {
      closed ??= (async () => {
        for (const socket of sockets) socket.disconnect();
        sockets.clear();
        await server.close();
        await rm(dir, { recursive: true, force: true });
      })();
      return closed;
    },
  };
}

// ---------------------------------------------------------------------------------------------
// HTTP

/** The tier's /metrics from its internal port (the public one does not serve it). */
export async function scrape(h: Harness): Promise<{ status: number; text: string }> {
  const response = await fetch(`${h.server.internalUrl}/metrics`);
  return { status: response.status, text: await response.text() };
}

export interface HttpResult {
  status: number;
  body: unknown;
}

export async function http(
  h: Harness,
  method: string,
  path: string,
  options: { token?: string; body?: unknown } = {},
): Promise<HttpResult> {
  const headers: Record<string, string> = {};
  if (options.token !== undefined) headers.authorization = `Bearer ${options.token}`;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`${h.url}${path}`, {
    method,
    headers,
    ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
  });
  const text = await response.text();
  let body: unknown = text;
  if ((response.headers.get('content-type') ?? '').includes('application/json') && text)
    body = JSON.parse(text);
  return { status: response.status, body };
}

export interface CreatedSession {
  sessionId: string;
  joinCode: string;
  teacherToken: string;
  teacherAccountId: string;
}

export async function createSession(
  h: Harness,
  deck: DeckInput,
  options: { teacherAccountId?: string; settings?: Partial<SessionSettings> } = {},
): Promise<CreatedSession> {
  const teacherAccountId = options.teacherAccountId ?? 'teacher-1';
  const accountToken = await h.server.tokens.signTeacherAccount(teacherAccountId);
  const result = await http(h, 'POST', '/v1/sessions', {
    token: accountToken,
    body: { deck, ...(options.settings ? { settings: options.settings } : {}) },
  });
  assert.equal(result.status, 201, `creating a session failed: ${JSON.stringify(result.body)}`);
  const body = result.body as { sessionId: string; joinCode: string; teacherToken: string };
  assert.equal(typeof body.sessionId, 'string');
  assert.equal(typeof body.joinCode, 'string');
  assert.equal(typeof body.teacherToken, 'string');
  return {
    sessionId: body.sessionId,
    joinCode: body.joinCode,
    teacherToken: body.teacherToken,
    teacherAccountId,
  };
}

// ---------------------------------------------------------------------------------------------
// Sockets

/** Resolves with the first payload of `event`; rejects if the socket disconnects or fails first. */
export function nextEvent<T = unknown>(socket: ClientSocket, event: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const cleanup = () => {
      socket.off(event, onEvent);
      socket.off('disconnect', onDisconnect);
      socket.off('connect_error', onConnectError);
    };
    const onEvent = (value: T) => {
      cleanup();
      resolve(value);
    };
    const onDisconnect = (reason: string) => {
      cleanup();
      reject(new Error(`socket disconnected (${reason}) while waiting for "${event}"`));
    };
    const onConnectError = (error: Error) => {
      cleanup();
      reject(new Error(`connect_error (${error.message}) while waiting for "${event}"`));
    };
    socket.on(event, onEvent);
    socket.on('disconnect', onDisconnect);
    socket.on('connect_error', onConnectError);
  });
}

/**
 * Collects every payload of an event from now on; `waitFor(n)` resolves once `n` have arrived.
 * Used for `protocol:error`, whose replies may arrive in any order relative to the sends.
 */
export interface Collector<T> {
  readonly items: T[];
  waitFor(count: number): Promise<T[]>;
  stop(): void;
}

export function collect<T = unknown>(socket: ClientSocket, event: string): Collector<T> {
  const items: T[] = [];
  const waiters: Array<{ count: number; resolve: (items: T[]) => void }> = [];
  const onEvent = (value: T) => {
    items.push(value);
    for (let i = waiters.length - 1; i >= 0; i--) {
      const waiter = waiters[i];
      if (waiter && items.length >= waiter.count) {
        waiters.splice(i, 1);
        waiter.resolve(items);
      }
    }
  };
  socket.on(event, onEvent);
  return {
    items,
    waitFor(count) {
      if (items.length >= count) return Promise.resolve(items);
      return new Promise((resolve) => waiters.push({ count, resolve }));
    },
    stop() {
      socket.off(event, onEvent);
    },
  };
}

export type HandshakeOutcome =
  | { ok: true; socket: ClientSocket; welcome: Welcome }
  | { ok: false; error: unknown; message: string };

/**
 * Opens a socket with the given `auth` and resolves with the welcome or the refusal
 * (`connect_error`'s `data`). A refused socket is closed so it does not retry.
 */
export function connect(h: Harness, auth: unknown): Promise<HandshakeOutcome> {
  const socket = h.track(
    io(h.url, {
      auth: auth as Record<string, unknown>,
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
    }),
  );
  return new Promise((resolve) => {
    const cleanup = () => {
      socket.off('session:welcome', onWelcome);
      socket.off('connect_error', onError);
    };
    const onWelcome = (welcome: Welcome) => {
      cleanup();
      resolve({ ok: true, socket, welcome });
    };
    const onError = (error: Error & { data?: unknown }) => {
      cleanup();
      socket.disconnect();
      resolve({ ok: false, error: error.data, message: error.message });
    };
    socket.on('session:welcome', onWelcome);
    socket.on('connect_error', onError);
  });
}

/**
 * Opens a session-less socket (probe, shadow) with `token` over one transport and resolves once
 * it is connected; such sockets get no welcome, only `connect`.
 */
export async function connectWithToken(
  h: Harness,
  token: string,
  transport: 'websocket' | 'polling' = 'websocket',
): Promise<ClientSocket> {
  const socket = h.track(
    io(h.url, {
      auth: { v: PROTOCOL_VERSION, token },
      transports: [transport],
      reconnection: false,
      forceNew: true,
    }),
  );
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  return socket;
}

export interface TeacherConnection {
  socket: ClientSocket;
  welcome: Welcome;
  snapshot: { state: SessionState; presence: Record<string, Presence>; serverTime: number };
}

export async function connectTeacher(h: Harness, teacherToken: string): Promise<TeacherConnection> {
  const socket = h.track(
    io(h.url, {
      auth: { v: PROTOCOL_VERSION, token: teacherToken },
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
    }),
  );
  const [welcome, snapshot] = await Promise.all([
    nextEvent<Welcome>(socket, 'session:welcome'),
    nextEvent<TeacherConnection['snapshot']>(socket, 'teacher:snapshot'),
  ]);
  assert.equal(welcome.role, 'teacher');
  return { socket, welcome, snapshot };
}

export interface StudentConnection {
  socket: ClientSocket;
  welcome: Welcome;
  studentId: string;
  /** The token to resume with (minted at join). */
  token: string;
  session: PublicSessionView;
  self: StudentSelfView;
}

export async function joinStudent(
  h: Harness,
  joinCode: string,
  name: string,
): Promise<StudentConnection> {
  const socket = h.track(
    io(h.url, {
      auth: { v: PROTOCOL_VERSION, join: { code: joinCode, name } },
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
    }),
  );
  const [welcome, session, self] = await Promise.all([
    nextEvent<Welcome>(socket, 'session:welcome'),
    nextEvent<PublicSessionView>(socket, 'student:session'),
    nextEvent<StudentSelfView>(socket, 'student:self'),
  ]);
  assert.equal(welcome.role, 'student');
  assert.ok(welcome.studentId, 'a joined student is told its id');
  assert.ok(welcome.token, 'a joined student is given a token');
  return { socket, welcome, studentId: welcome.studentId, token: welcome.token, session, self };
}

/** The teacher's full view of a session, via `session:sync`. */
export async function teacherSync(
  socket: ClientSocket,
): Promise<{ state: SessionState; presence: Record<string, Presence>; serverTime: number }> {
  const reply = (await socket.emitWithAck('session:sync')) as {
    ok: boolean;
    teacher?: { state: SessionState; presence: Record<string, Presence>; serverTime: number };
  };
  assert.equal(reply.ok, true, `session:sync failed: ${JSON.stringify(reply)}`);
  assert.ok(reply.teacher, 'a teacher sync carries the teacher snapshot');
  return reply.teacher;
}

// ---------------------------------------------------------------------------------------------
// Assertions

/** Asserts the protocol's one error shape (and, when given, the code); returns it typed. */
export function assertProtocolError(
  value: unknown,
  code?: ErrorCode | readonly ErrorCode[],
  context = '',
): ProtocolError {
  const where = context ? ` (${context})` : '';
  assert.ok(
    typeof value === 'object' && value !== null,
    `expected an error object${where}, got ${preview(value)}`,
  );
  const error = value as Record<string, unknown>;
  assert.equal(error.ok, false, `expected ok:false${where}, got ${preview(value)}`);
  assert.equal(
    typeof error.code,
    'string',
    `expected a string code${where}, got ${preview(value)}`,
  );
  assert.ok(
    Object.hasOwn(ERROR_CODES, error.code as string),
    `unknown error code ${String(error.code)}${where}`,
  );
  const entry = ERROR_CODES[error.code as ErrorCode];
  assert.equal(typeof error.retryable, 'boolean', `retryable must be a boolean${where}`);
  assert.equal(
    error.retryable,
    entry.retryable,
    `retryable must match the code table for ${String(error.code)}${where}`,
  );
  assert.equal(typeof error.message, 'string', `message must be a string${where}`);
  assert.ok((error.message as string).length > 0, `message must not be empty${where}`);
  if ('path' in error)
    assert.equal(typeof error.path, 'string', `path, when present, is a string${where}`);
  if (code !== undefined) {
    const codes: readonly ErrorCode[] = typeof code === 'string' ? [code] : code;
    assert.ok(
      codes.includes(error.code as ErrorCode),
      `expected ${codes.join(' | ')}${where}, got ${String(error.code)}: ${String(error.message)}`,
    );
  }
  return value as ProtocolError;
}

/** A short, safe rendering of any value for assertion messages. */
export function preview(value: unknown, max = 300): string {
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  return text.length > max ? `${text.slice(0, max)}… (${text.length} chars)` : text;
}

/** Presence without `lastSeenAt`, which any student message refreshes by design. */
export function stablePresence(
  presence: Record<string, Presence>,
): Record<string, Omit<Presence, 'lastSeenAt'>> {
  return Object.fromEntries(
    Object.entries(presence).map(([id, p]) => [id, { status: p.status, transport: p.transport }]),
  );
}

/** Reads one sample of a Prometheus text exposition, or undefined when absent. */
export function metricValue(
  text: string,
  name: string,
  labels: Record<string, string> = {},
): number | undefined {
  for (const line of text.split('\n')) {
    if (!line.startsWith(name)) continue;
    const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})?\s+(\S+)/.exec(line);
    if (!match || match[1] !== name) continue;
    const found: Record<string, string> = {};
    for (const pair of (match[2] ?? '').matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g)) {
      if (pair[1] !== undefined) found[pair[1]] = pair[2] ?? '';
    }
    if (Object.entries(labels).every(([k, v]) => found[k] === v)) return Number(match[3]);
  }
  return undefined;
}
