import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { memoryStorage } from '../src/client/index.ts';
import { createTokenService } from '../src/server/index.ts';
import { answerFor, openClassroom, waitFor, type Classroom } from './support/classroom.ts';

describe('SessionClient identity: stale tokens and removal', { timeout: 60_000 }, () => {
  let room: Classroom;
  before(async () => {
    room = await openClassroom('identity');
  });
  after(() => room.close());

  it('a stored token that no longer works rejoins by code and still delivers the unsent answer', async () => {
    const storage = memoryStorage();
    const foreign = createTokenService({
      secret: 'another-secret-entirely-0123456789abcdef',
      teacherTtlSeconds: 60,
      studentTtlSeconds: 60,
    });
    storage.setItem(
      `classpulse:v1:identity:${room.session.joinCode}`,
      JSON.stringify({
        sessionId: room.session.sessionId,
        studentId: 'ghost',
        token: await foreign.signStudent(room.session.sessionId, 'ghost'),
      }),
    );
    const pending = {
      answerId: 'pending-answer-1',
      slideId: 'mc',
      answer: answerFor('multiple-choice', 2),
      clientCreatedAt: 1,
    };
    storage.setItem(
      `classpulse:v1:outbox:${room.session.sessionId}:ghost`,
      JSON.stringify([pending]),
    );

    const student = room.client(storage);
    student.joinWithCode(room.session.joinCode, 'Ada');
    const state = await waitFor(student, (s) => s.answers.mc?.status === 'received');
    assert.notEqual(state.studentId, 'ghost');
    assert.equal(state.answers.mc?.answerId, 'pending-answer-1');
    const seen = await waitFor(
      room.teacher,
      (s) => s.teacher?.state.responses.mc?.[state.studentId!] !== undefined,
    );
    assert.deepEqual(seen.teacher?.state.responses.mc?.[state.studentId!]?.answer, pending.answer);
    assert.equal(storage.getItem(`classpulse:v1:outbox:${room.session.sessionId}:ghost`), null);
  });

  it('a removed student is told why, disconnected for good, and forgotten by this browser', async () => {
    const storage = memoryStorage();
    const student = room.client(storage);
    student.joinWithCode(room.session.joinCode, 'Mallory');
    const { studentId } = await waitFor(
      student,
      (s) => s.status === 'connected' && s.studentId !== null,
    );
    assert.equal(
      (await room.teacher.command({ type: 'removeStudent', studentId: studentId! })).ok,
      true,
    );
    const closed = await waitFor(student, (s) => s.status === 'closed');
    assert.equal(closed.error?.code, 'student_removed');
    assert.equal(storage.getItem(`classpulse:v1:identity:${room.session.joinCode}`), null);
    const t = await waitFor(
      room.teacher,
      (s) => s.teacher?.state.students[studentId!]?.removed === true,
    );
    assert.equal(t.teacher?.presence[studentId!]?.status, 'gone');
  });
});
