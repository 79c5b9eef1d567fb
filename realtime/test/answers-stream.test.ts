/**
 * GET /v1/sessions/:id/answers against the real tier: a session of 2,000 students × 10 questions
 * (20,000 answers, seeded through the engine into the SQLite store the server then opens) is
 * streamed as NDJSON in the report's order with every response; only the session's teacher may
 * read it; a reader that goes away mid-stream leaves the server serving.
 */
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { apply, reportStudents, type Envelope } from '../src/engine/index.ts';
import {
  deckSchema,
  parseAnswersStreamLine,
  type AnswersStreamLine,
  type SessionState,
} from '../src/protocol/index.ts';
import {
  createRealtimeServer,
  createSqliteStore,
  realtimeConfig,
  silentLogger,
  type RealtimeServer,
} from '../src/server/index.ts';
import { TEST_SECRET } from './support/server-harness.ts';

const STUDENTS = 2_000;
const SLIDES = 10;
const SESSION_ID = 'stream-session';
const TEACHER_ID = 'stream-teacher';

const deck = deckSchema.parse({
  title: 'Streamed',
  slides: Array.from({ length: SLIDES }, (_, i) => ({
    id: `q${i}`,
    title: `Question ${i}`,
    question: {
      kind: 'number',
      prompt: `How many? (${i})`,
    },
  })),
});

/** The session as the server would have stored it, written straight through the engine. */
async function seed(path: string): Promise<SessionState> {
  const store = createSqliteStore({ path, synchronous: 'normal', snapshotEvery: 200 });
  // The store's writer thread does not hold the process open; the test must, while it writes.
  const keepAlive = setInterval(() => undefined, 1_000);
  const teacher = { role: 'teacher', teacherId: TEACHER_ID } as const;
  let now = 1_700_000_000_000;
  const created = apply(
    null,
    {
      actor: teacher,
      command: {
        type: 'createSession',
        sessionId: SESSION_ID,
        joinCode: 'STRM23',
        deck,
        settings: { pacing: 'student', latePolicy: 'allow', classSize: STUDENTS },
      },
    },
    now,
  );
  assert.ok(created.ok);
  let state = created.state;
  await store.create(state, created.events);
  const writes: Array<Promise<void>> = [];
  const run = (envelope: Envelope) => {
    const applied = apply(state, envelope, ++now);
    if (!applied.ok) assert.fail(`${envelope.command.type}: ${applied.code}`);
    state = applied.state;
    if (applied.events.length > 0) writes.push(store.append(SESSION_ID, applied.events, state));
  };
  for (let i = 0; i < STUDENTS; i++)
    run({
      actor: { role: 'student', studentId: `st-${i}` },
      // Names out of joining order (and alike), so the report's order is real work.
      command: { type: 'join', name: `Student ${(i * 7919) % STUDENTS}` },
    });
  for (let s = 0; s < SLIDES; s++)
    for (let i = 0; i < STUDENTS; i++)
      run({
        actor: { role: 'student', studentId: `st-${i}` },
        command: {
          type: 'submitAnswer',
          slideId: `q${s}`,
          answerId: `answer-${i}-${s}`,
          answer: { kind: 'number', value: i - s },
        },
      });
  run({ actor: teacher, command: { type: 'removeStudent', studentId: 'st-5' } });
  await Promise.all(writes);
  await store.close();
  clearInterval(keepAlive);
  return state;
}

async function readStream(response: Response): Promise<AnswersStreamLine[]> {
  const text = await response.text();
  return text
    .split('\n')
    .filter((line) => line.length > 0)
    .map((line) => {
      const parsed = parseAnswersStreamLine(line);
      assert.ok(parsed, `a readable line: ${line.slice(0, 200)}`);
      return parsed;
    });
}

describe('the answers stream of a 20,000-answer session', { timeout: 180_000 }, () => {
  let dir: string;
  let server: RealtimeServer;
  let state: SessionState;
  let token: string;

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'classpulse-answers-stream-'));
    const sqlitePath = join(dir, 'db.sqlite');
    state = await seed(sqlitePath);
    server = await createRealtimeServer(
      realtimeConfig({
        port: 0,
        host: '127.0.0.1',
        tokenSecret: TEST_SECRET,
        dataDir: dir,
        sqlitePath,
        logLevel: 'silent',
      }),
      { logger: silentLogger() },
    );
    token = await server.tokens.signTeacher(SESSION_ID, TEACHER_ID);
  });
  after(async () => {
    await server?.close();
    await rm(dir, { recursive: true, force: true });
  });

  const get = (path: string, bearer?: string) =>
    fetch(`${server.url}/v1/sessions/${path}`, {
      headers: bearer === undefined ? {} : { authorization: `Bearer ${bearer}` },
    });

  it('streams the head, every student in the report order with their responses, and the count', async () => {
    const response = await get(`${SESSION_ID}/answers`, token);
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /^application\/x-ndjson/);
    const lines = await readStream(response);
    const [head, ...rest] = lines;
    assert.equal(head?.k, 'head');
    assert.deepEqual(head.state.responses, {}, 'the head carries no responses');
    assert.equal(Object.keys(head.state.students).length, STUDENTS);
    const end = rest.pop();
    assert.deepEqual(end, { k: 'end', students: STUDENTS - 1 });
    const expected = reportStudents(state);
    assert.equal(expected.length, STUDENTS - 1, 'the removed student is not in the report');
    assert.deepEqual(
      rest.map((line) => (line.k === 'student' ? line.studentId : line.k)),
      expected.map((s) => s.id),
    );
    for (const line of rest) {
      assert.equal(line.k, 'student');
      const i = Number(line.studentId.slice('st-'.length));
      assert.deepEqual(
        Object.entries(line.responses).map(([slideId, r]) => [slideId, r.answer, r.hidden]),
        Array.from({ length: SLIDES }, (_, s) => [
          `q${s}`,
          { kind: 'number', value: i - s },
          false,
        ]),
      );
    }
  });

  it('answers only the session’s teacher', async () => {
    assert.equal((await get(`${SESSION_ID}/answers`)).status, 401);
    const other = await server.tokens.signTeacher('another-session', TEACHER_ID);
    assert.equal((await get(`${SESSION_ID}/answers`, other)).status, 403);
    const student = await server.tokens.signStudent(SESSION_ID, 'st-1');
    assert.equal((await get(`${SESSION_ID}/answers`, student)).status, 403);
    const missing = await server.tokens.signTeacher('no-such-session', TEACHER_ID);
    assert.equal((await get('no-such-session/answers', missing)).status, 404);
  });

  it('keeps serving when readers go away mid-stream', async () => {
    for (let i = 0; i < 5; i++) {
      const controller = new AbortController();
      const response = await fetch(`${server.url}/v1/sessions/${SESSION_ID}/answers`, {
        headers: { authorization: `Bearer ${token}` },
        signal: controller.signal,
      });
      const reader = response.body!.getReader();
      const first = await reader.read();
      assert.ok(!first.done && first.value.length > 0);
      controller.abort();
      await reader.read().catch(() => undefined);
    }
    const health = await fetch(`${server.url}/healthz`);
    assert.equal(health.status, 200);
    const lines = await readStream(await get(`${SESSION_ID}/answers`, token));
    assert.deepEqual(lines.at(-1), { k: 'end', students: STUDENTS - 1 });
  });
});
