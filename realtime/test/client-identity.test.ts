import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { memoryStorage, type SessionClient } from '../src/client/index.ts';
import { createTokenService, type RealtimeServer } from '../src/server/index.ts';
import {
  answerFor,
  createSession,
  EVERY_KIND_DECK,
  socketClient,
  startServer,
  tempDir,
  waitFor,
  type CreatedSession,
} from './support/classroom.ts';

describe('SessionClient identity: stale tokens and removal', { timeout: 60_000 }, () => {
  const dir = tempDir('identity');
  let server: RealtimeServer;
  let session: CreatedSession;
  let teacher: SessionClient;
  const clients: SessionClient[] = [];

  before(async () => {
    server = await startServer(dir.path);
    session = await createSession(server.url, await server.tokens.signTeacherAccount('t-1'), {
      deck: EVERY_KIND_DECK,
    });
    teacher = socketClient(server.url);
    clients.push(teacher);
    teacher.connectAsTeacher(session.teacherToken);
    await waitFor(teacher, (s) => s.teacher !== null);
  });

  after(async () => {
    for (const c of clients) c.close();
    await server.close();
    dir.remove();
  });

  it('a stored token that no longer works rejoins by code and still delivers the unsent answer', async () => {
    const storage = memoryStorage();
    const foreign = createTokenService({
      secret: 'another-secret-entirely-0123456789abcdef',
      teacherTtlSeconds: 60,
      studentTtlSeconds: 60,
    });
    storage.setItem(
      `classpulse:v1:identity:${session.joinCode}`,
      JSON.stringify({
        sessionId: session.sessionId,
        studentId: 'ghost',
        token: await foreign.signStudent(session.sessionId, 'ghost'),
      }),
    );
    const pending = {
      answerId: 'pending-answer-1',
      slideId: 'mc',
      answer: answerFor('multiple-choice', 2),
      clientCreatedAt: 1,
    };
    storage.setItem(`classpulse:v1:outbox:${session.sessionId}:ghost`, JSON.stringify([pending]));

    const student = socketClient(server.url, storage);
    clients.push(student);
    student.joinWithCode(session.joinCode, 'Ada');
    const state = await waitFor(student, (s) => s.answers.mc?.status === 'received');
    assert.notEqual(state.studentId, 'ghost');
    assert.equal(state.answers.mc?.answerId, 'pending-answer-1');
    const seen = await waitFor(
      teacher,
      (s) => s.teacher?.state.responses.mc?.[state.studentId!] !== undefined,
    );
    assert.deepEqual(seen.teacher?.state.responses.mc?.[state.studentId!]?.answer, pending.answer);
    assert.equal(storage.getItem(`classpulse:v1:outbox:${session.sessionId}:ghost`), null);
  });

  it('a removed student is told why, disconnected for good, and forgotten by this browser', async () => {
    const storage = memoryStorage();
    const student = socketClient(server.url, storage);
    clients.push(student);
    student.joinWithCode(session.joinCode, 'Mallory');
    const { studentId } = await waitFor(
      student,
      (s) => s.status === 'connected' && s.studentId !== null,
    );
    assert.equal(
      (await teacher.command({ type: 'removeStudent', studentId: studentId! })).ok,
      true,
    );
    const closed = await waitFor(student, (s) => s.status === 'closed');
    assert.equal(closed.error?.code, 'student_removed');
    assert.equal(storage.getItem(`classpulse:v1:identity:${session.joinCode}`), null);
    const t = await waitFor(
      teacher,
      (s) => s.teacher?.state.students[studentId!]?.removed === true,
    );
    assert.equal(t.teacher?.presence[studentId!]?.status, 'gone');
  });
});
