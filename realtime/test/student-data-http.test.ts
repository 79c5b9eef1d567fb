/**
 * `GET`/`DELETE /v1/sessions/:id/students/:studentId` on a real server: the export of one student,
 * the erasure (refused while the session is live), who may ask, and what bad ids get back. After
 * the erasure nothing the API serves (the session, its answers stream, its health report) names
 * the student, the other student's export is unchanged and the erased student's token no longer
 * opens a socket.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  PROTOCOL_VERSION,
  studentErasureSchema,
  studentExportSchema,
  type DeckInput,
} from '../src/protocol/index.ts';
import {
  connect,
  connectTeacher,
  createSession,
  http,
  joinStudent,
  metricValue,
  nextEvent,
  scrape,
  startServer,
  type ClientSocket,
  type CreatedSession,
  type Harness,
  type StudentConnection,
  type TeacherConnection,
} from './support/server-harness.ts';

const DECK: DeckInput = {
  title: 'Privacy deck',
  slides: [
    {
      id: 'q1',
      question: {
        kind: 'multiple-choice',
        prompt: 'Pick one',
        options: [
          { id: 'a', label: 'Alpha' },
          { id: 'b', label: 'Beta' },
        ],
      },
    },
    { id: 'q2', question: { kind: 'short-text', prompt: 'Say it' } },
  ],
};
const ERASED_NAME = 'Adelheid Quix';
const KEPT_NAME = 'Bruno Vale';

function send(socket: ClientSocket, event: string, message: unknown): Promise<unknown> {
  return socket.emitWithAck(event, message) as Promise<unknown>;
}

describe('student export and erasure over HTTP', () => {
  let h: Harness;
  let a: CreatedSession;
  let b: CreatedSession;
  let teacher: TeacherConnection;
  let erased: StudentConnection;
  let kept: StudentConnection;
  const path = (studentId: string, sessionId = a.sessionId) =>
    `/v1/sessions/${sessionId}/students/${studentId}`;

  before(async () => {
    h = await startServer({ rateLimitPerSecond: 10_000, rateLimitBurst: 10_000 });
    a = await createSession(h, DECK, { teacherAccountId: 'teacher-a' });
    b = await createSession(h, DECK, { teacherAccountId: 'teacher-b' });
    teacher = await connectTeacher(h, a.teacherToken);
    erased = await joinStudent(h, a.joinCode, ERASED_NAME);
    kept = await joinStudent(h, a.joinCode, KEPT_NAME);
    for (const [slideId, command] of [
      ['q1', { type: 'goToSlide', slideIndex: 0 }],
      ['q2', { type: 'goToSlide', slideIndex: 1 }],
    ] as const) {
      const moved = (await send(teacher.socket, 'teacher:command', {
        sessionId: a.sessionId,
        command,
      })) as { ok: boolean };
      assert.equal(moved.ok, true);
      for (const [i, s] of [erased, kept].entries()) {
        const answer =
          slideId === 'q1'
            ? { kind: 'multiple-choice', optionIds: [i === 0 ? 'a' : 'b'] }
            : { kind: 'short-text', text: `${s === erased ? 'mine' : 'theirs'} ${slideId}` };
        const reply = (await send(s.socket, 'student:submit', {
          sessionId: a.sessionId,
          slideId,
          answerId: `answer-${i}-${slideId}-0001`,
          answer,
        })) as { ok: boolean };
        assert.equal(reply.ok, true, JSON.stringify(reply));
      }
    }
  });
  after(() => h.close());

  it('exports everything about one student and nothing about another', async () => {
    const res = await http(h, 'GET', path(erased.studentId), { token: a.teacherToken });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    const exported = studentExportSchema.parse(res.body);
    assert.equal(exported.sessionId, a.sessionId);
    assert.equal(exported.student.id, erased.studentId);
    assert.equal(exported.student.name, ERASED_NAME);
    assert.deepEqual(
      exported.answers.map((x) => [x.slideId, x.slideIndex, x.kind, x.prompt]),
      [
        ['q1', 0, 'multiple-choice', 'Pick one'],
        ['q2', 1, 'short-text', 'Say it'],
      ],
    );
    assert.deepEqual(exported.answers[1]?.answer, { kind: 'short-text', text: 'mine q2' });
    assert.ok(exported.health.some((r) => r.k === 'open'));
    assert.equal(exported.health.filter((r) => r.k === 'ack').length, 2);
    const text = JSON.stringify(res.body);
    assert.ok(
      !text.includes(kept.studentId) && !text.includes(KEPT_NAME) && !text.includes('theirs'),
    );
  });

  it('refuses other tokens, unknown ids and bad ids clearly', async () => {
    const id = erased.studentId;
    for (const method of ['GET', 'DELETE']) {
      assert.equal((await http(h, method, path(id))).status, 401);
      assert.equal((await http(h, method, path(id), { token: b.teacherToken })).status, 403);
      assert.equal((await http(h, method, path(id), { token: kept.token })).status, 403);
      const unknown = await http(h, method, path('no-such-student'), { token: a.teacherToken });
      if (method === 'GET') {
        assert.equal(unknown.status, 404);
        assert.equal((unknown.body as { code: string }).code, 'not_found');
      }
      const noSession = await http(h, method, path(id, 'no-such-session'), {
        token: await h.server.tokens.signTeacher('no-such-session', 'teacher-a'),
      });
      assert.equal(noSession.status, 404);
      assert.equal((noSession.body as { code: string }).code, 'not_found');
      for (const [bad, field] of [
        [path('bad%20id!'), 'studentId'],
        [path('x'.repeat(200)), 'studentId'],
        [path('%E0%A4%A'), 'studentId'],
        [path(id, 'bad.session'), 'sessionId'],
      ] as const) {
        const res = await http(h, method, bad, { token: a.teacherToken });
        assert.equal(res.status, 400, `${method} ${bad}`);
        const body = res.body as { code: string; path: string; message: string };
        assert.equal(body.code, 'bad_request');
        assert.equal(body.path, field);
        assert.ok(body.message.length > 0);
      }
    }
  });

  it('refuses to erase from a live session', async () => {
    const res = await http(h, 'DELETE', path(erased.studentId), { token: a.teacherToken });
    assert.equal(res.status, 409);
    assert.deepEqual(
      [(res.body as { code: string }).code, (res.body as { message: string }).message],
      ['session_live', 'End the session before erasing a student.'],
    );
  });

  it('erases the student from an ended session, everywhere the API reads, once', async () => {
    const keptBefore = await http(h, 'GET', path(kept.studentId), { token: a.teacherToken });
    const ended = (await send(teacher.socket, 'teacher:command', {
      sessionId: a.sessionId,
      command: { type: 'endSession' },
    })) as { ok: boolean };
    assert.equal(ended.ok, true);

    const closed = nextEvent(erased.socket, 'disconnect');
    const res = await http(h, 'DELETE', path(erased.studentId), { token: a.teacherToken });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.deepEqual(studentErasureSchema.parse(res.body), { ok: true, erased: true });
    await closed;

    const again = await http(h, 'DELETE', path(erased.studentId), { token: a.teacherToken });
    assert.deepEqual(again.body, { ok: true, erased: false });
    const gone = await http(h, 'GET', path(erased.studentId), { token: a.teacherToken });
    assert.equal(gone.status, 404);

    for (const read of ['', '/answers', '/health']) {
      const served = await http(h, 'GET', `/v1/sessions/${a.sessionId}${read}`, {
        token: a.teacherToken,
      });
      assert.equal(served.status, 200, read);
      const text = typeof served.body === 'string' ? served.body : JSON.stringify(served.body);
      assert.ok(!text.includes(erased.studentId), `${read || 'session'} names the student's id`);
      assert.ok(!text.includes(ERASED_NAME), `${read || 'session'} names the student`);
      assert.ok(text.includes(kept.studentId), `${read || 'session'} still has the other`);
    }
    const keptAfter = await http(h, 'GET', path(kept.studentId), { token: a.teacherToken });
    assert.deepEqual(keptAfter.body, keptBefore.body);

    const resumed = await connect(h, { v: PROTOCOL_VERSION, token: erased.token });
    assert.equal(resumed.ok, false);
    assert.equal((resumed as { error: { code: string } }).error.code, 'student_not_found');

    const metrics = await scrape(h);
    assert.equal(metricValue(metrics.text, 'classpulse_student_erasures_total'), 1);
  });
});
