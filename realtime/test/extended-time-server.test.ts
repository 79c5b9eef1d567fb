/**
 * Extended time through the real socket.io server, on an injected clock: the teacher gives one
 * student 2×, that student alone learns it, answers after the class's time is up until their own,
 * and the server's timer locks the slide only at the last student's own deadline (re-armed when
 * an extension changes, or when the student with no limit leaves).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { SessionClient } from '../src/client/index.ts';
import { answerFor, openClassroom, waitFor, type Classroom } from './support/classroom.ts';
import { ManualClock } from './support/manual-clock.ts';

describe('extended time on the socket server', { timeout: 60_000 }, () => {
  const clock = new ManualClock();
  let room: Classroom;
  let teacher: SessionClient;
  let ann: SessionClient;
  let ben: SessionClient;
  let benId: string;

  const join = async (name: string) => {
    const client = room.client();
    client.joinWithCode(room.session.joinCode, name);
    const joined = await waitFor(client, (s) => s.status === 'connected' && s.self !== null);
    return { client, id: joined.studentId! };
  };
  const locked = () => teacher.getState().teacher?.state.slides.mc?.locked;

  before(async () => {
    room = await openClassroom('extended-time', { studentBroadcastIntervalMs: 0 }, { clock });
    teacher = room.teacher;
    ann = (await join('Ann')).client;
    ({ client: ben, id: benId } = await join('Ben'));
  });

  after(() => room.close());

  it('the teacher sets it; Ben alone learns it, the roster shows it', async () => {
    const set = await teacher.command({
      type: 'setExtendedTime',
      studentId: benId,
      extendedTime: 2,
    });
    assert.equal(set.ok, true);
    await waitFor(ben, (s) => s.self?.extendedTime === 2);
    await waitFor(teacher, (s) => s.teacher?.state.students[benId]?.extendedTime === 2);
    assert.equal(ann.getState().self?.extendedTime, undefined);
    assert.equal(JSON.stringify(ann.getState().session).includes('extendedTime'), false);
    const unknown = await teacher.command({
      type: 'setExtendedTime',
      studentId: 'nobody-here',
      extendedTime: 2,
    });
    assert.equal(unknown.ok, false);
    assert.equal(!unknown.ok && unknown.code, 'student_not_found');
  });

  it('past the class deadline Ben answers, Ann is refused; the slide locks at Ben’s own deadline', async () => {
    const startedAt = clock.now();
    assert.equal(
      (await teacher.command({ type: 'startTimer', slideId: 'mc', durationMs: 30_000 })).ok,
      true,
    );
    const seen = await waitFor(ann, (s) => s.session?.slides[0]?.deadline !== null);
    assert.equal(seen.session?.slides[0]?.timerStartedAt, startedAt);
    assert.equal(seen.session?.slides[0]?.deadline, startedAt + 30_000);

    clock.advance(30_000);
    ann.submitAnswer('mc', answerFor('multiple-choice', 1));
    const refused = await waitFor(ann, (s) => s.answers.mc?.status === 'rejected');
    assert.equal(refused.answers.mc?.error?.code, 'slide_locked');
    ben.submitAnswer('mc', answerFor('multiple-choice', 2));
    const first = (await waitFor(ben, (s) => s.answers.mc?.status === 'received')).answers.mc!
      .answerId;
    await waitFor(teacher, (s) => s.teacher?.counts.mc === 1);
    assert.equal(locked(), false);

    // Cancelling now would cut Ben off (or reopen the slide for Ann): it does nothing.
    assert.equal((await teacher.command({ type: 'cancelTimer', slideId: 'mc' })).ok, true);
    assert.equal(teacher.getState().teacher?.state.slides.mc?.deadline, startedAt + 30_000);

    // Down to 1.5×: the server's timer re-arms for start + 45 s.
    await teacher.command({ type: 'setExtendedTime', studentId: benId, extendedTime: 1.5 });
    clock.advance(14_999);
    // Ben's next answer goes through the engine after any expiry the server ran: still open.
    ben.submitAnswer('mc', answerFor('multiple-choice', 3));
    await waitFor(
      ben,
      (s) => s.answers.mc?.status === 'received' && s.answers.mc.answerId !== first,
    );
    assert.equal(locked(), false);
    clock.advance(1);
    await waitFor(teacher, (s) => s.teacher?.state.slides.mc?.locked === true);
    await waitFor(ben, (s) => s.session?.slides[0]?.locked === true);
  });

  it('with no time limit the timer never locks by itself; removing that student does', async () => {
    await teacher.command({ type: 'unlockSlide', slideId: 'mc' });
    await teacher.command({ type: 'setExtendedTime', studentId: benId, extendedTime: 'unlimited' });
    await teacher.command({ type: 'startTimer', slideId: 'mc', durationMs: 10_000 });
    clock.advance(3_600_000);
    const before = ben.getState().answers.mc?.answerId;
    ben.submitAnswer('mc', answerFor('multiple-choice', 1));
    await waitFor(
      ben,
      (s) => s.answers.mc?.status === 'received' && s.answers.mc.answerId !== before,
    );
    assert.equal(locked(), false);
    await teacher.command({ type: 'removeStudent', studentId: benId });
    // Ann's deadline passed long ago: the re-armed timer fires at once.
    clock.advance(0);
    await waitFor(teacher, (s) => s.teacher?.state.slides.mc?.locked === true);
  });
});
