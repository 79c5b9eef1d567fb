import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createSessionClient,
  createSocketTransport,
  memoryStorage,
  type KeyValueStorage,
  type SessionClient,
  type SessionClientState,
} from '../../src/client/index.ts';
import {
  QUESTION_KINDS,
  type Answer,
  type CreateSessionRequest,
  type DeckInput,
  type QuestionKind,
} from '../../src/protocol/index.ts';
import { KIND_SAMPLES, type KindSample } from '../../src/testing/index.ts';
import {
  createRealtimeServer,
  realtimeConfig,
  silentLogger,
  type RealtimeConfig,
  type RealtimeDeps,
  type RealtimeServer,
} from '../../src/server/index.ts';

export const TEST_SECRET = 'test-secret-that-is-long-enough-0123456789';

/** One slide per question kind, in the registry's order (`KIND_SAMPLES`). */
export const EVERY_KIND_DECK: DeckInput = {
  title: 'Every kind of question',
  slides: QUESTION_KINDS.map((kind) => ({
    id: KIND_SAMPLES[kind].slideId,
    question: KIND_SAMPLES[kind].question,
  })),
};

/** A distinct, valid answer for student `i` to a question of `kind`. */
export function answerFor<K extends QuestionKind>(kind: K, i: number): Answer {
  return (KIND_SAMPLES[kind] as KindSample<K>).answer(i);
}

export function tempDir(prefix: string): { path: string; remove(): void } {
  const path = mkdtempSync(join(tmpdir(), `classpulse-${prefix}-`));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

export async function startServer(
  dataDir: string,
  overrides: Partial<RealtimeConfig> = {},
  deps: RealtimeDeps = {},
): Promise<RealtimeServer> {
  return createRealtimeServer(
    realtimeConfig({
      port: 0,
      host: '127.0.0.1',
      tokenSecret: TEST_SECRET,
      dataDir,
      sqlitePath: join(dataDir, 'realtime.sqlite'),
      sqliteSynchronous: 'normal',
      studentBroadcastIntervalMs: 20,
      ...overrides,
    }),
    { logger: silentLogger(), ...deps },
  );
}

/** A running server with one session of EVERY_KIND_DECK and its teacher connected. */
export interface Classroom {
  server: RealtimeServer;
  session: CreatedSession;
  /** Always on the socket transport: teacher commands run through the engine on our servers. */
  teacher: SessionClient;
  /** A new student client on this classroom's transport, closed with the classroom. */
  client(storage?: KeyValueStorage): SessionClient;
  /** A new socket client for a teacher, closed with the classroom. */
  teacherClient(): SessionClient;
  /** Closes the clients made so far (the teacher included). */
  closeClients(): void;
  close(): Promise<void>;
}

export interface ClassroomOptions {
  /** Student clients; socket clients of the server by default. */
  studentClient?: (server: RealtimeServer, storage?: KeyValueStorage) => SessionClient;
  /** Stops what the caller started around the server (run after the server closed). */
  onClose?: () => Promise<void>;
}

export async function openClassroom(
  name: string,
  overrides: Partial<RealtimeConfig> = {},
  deps: RealtimeDeps = {},
  options: ClassroomOptions = {},
): Promise<Classroom> {
  const dir = tempDir(name);
  const server = await startServer(dir.path, overrides, deps);
  const { session, teacher } = await sessionWithTeacher(
    server.url,
    await server.tokens.signTeacherAccount('t-1'),
  );
  const clients: SessionClient[] = [teacher];
  const track = (c: SessionClient) => {
    clients.push(c);
    return c;
  };
  const studentClient = options.studentClient ?? ((s, storage) => socketClient(s.url, storage));
  const client = (storage?: KeyValueStorage) => track(studentClient(server, storage));
  const teacherClient = () => track(socketClient(server.url));
  const closeClients = () => {
    for (const c of clients.splice(0)) c.close();
  };
  return {
    server,
    session,
    teacher,
    client,
    teacherClient,
    closeClients,
    async close() {
      closeClients();
      await server.close();
      await options.onClose?.();
      dir.remove();
    },
  };
}

export interface CreatedSession {
  sessionId: string;
  joinCode: string;
  teacherToken: string;
}

export async function createSession(
  url: string,
  accountToken: string,
  body: CreateSessionRequest,
): Promise<CreatedSession> {
  const res = await fetch(`${url}/v1/sessions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${accountToken}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (res.status !== 201) throw new Error(`create session: ${res.status} ${await res.text()}`);
  return (await res.json()) as CreatedSession;
}

/**
 * Creates a session of EVERY_KIND_DECK with an account token, and connects its teacher over a
 * socket (the caller closes it). Resolves once the teacher has the session's state.
 */
export async function sessionWithTeacher(
  url: string,
  accountToken: string,
): Promise<{ session: CreatedSession; teacher: SessionClient }> {
  const session = await createSession(url, accountToken, { deck: EVERY_KIND_DECK });
  const teacher = socketClient(url);
  teacher.connectAsTeacher(session.teacherToken);
  await waitFor(teacher, (s) => s.teacher !== null);
  return { session, teacher };
}

export function socketClient(
  url: string,
  storage: KeyValueStorage = memoryStorage(),
): SessionClient {
  return createSessionClient({
    transport: createSocketTransport({
      url,
      transports: ['websocket'],
      ackTimeoutMs: 3_000,
      retryDelayMs: 100,
    }),
    storage,
    retryDelayMs: 100,
  });
}

/** Resolves once the client's state satisfies `predicate` (checked now and on every change). */
export function waitFor(
  client: SessionClient,
  predicate: (s: SessionClientState) => boolean,
): Promise<SessionClientState> {
  return new Promise((resolve) => {
    if (predicate(client.getState())) return resolve(client.getState());
    const stop = client.subscribe((state) => {
      if (predicate(state)) {
        stop();
        resolve(state);
      }
    });
  });
}

/** Student i answers `slideId` with answerFor(kind, i); resolves once every answer is acknowledged. */
export async function everyoneAnswers(
  students: readonly SessionClient[],
  slideId: string,
  kind: QuestionKind,
): Promise<void> {
  students.forEach((s, i) => s.submitAnswer(slideId, answerFor(kind, i)));
  await Promise.all(
    students.map((s) => waitFor(s, (st) => st.answers[slideId]?.status === 'received')),
  );
}

/** The teacher moves the session to `slideIndex`; resolves once every student is on it. */
export async function moveClassTo(
  teacher: SessionClient,
  students: readonly SessionClient[],
  slideIndex: number,
): Promise<void> {
  assert.equal((await teacher.command({ type: 'goToSlide', slideIndex })).ok, true);
  await Promise.all(
    students.map((s) => waitFor(s, (st) => st.session?.currentSlideIndex === slideIndex)),
  );
}
