import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { SessionClient } from '../src/client/index.ts';
import { answerFor, openClassroom, waitFor, type Classroom } from './support/classroom.ts';
import { ManualClock } from './support/manual-clock.ts';

describe(
  'server timers, presence and eviction run on the injected clock',
  { timeout: 60_000 },
  () => {
    const clock = new ManualClock();
    let room: Classroom;
    let teacher: SessionClient;

    before(async () => {
      room = await openClassroom(
        'lifecycle',
        { studentBroadcastIntervalMs: 0, presenceGoneAfterMs: 30_000, sessionIdleEvictMs: 60_000 },
        { clock },
      );
      teacher = room.teacher;
    });

    after(() => room.close());

    it('a timer locks the slide at its server deadline, and late answers are refused', async () => {
      const student = room.client();
      student.joinWithCode(room.session.joinCode, 'Timer Tess');
      await waitFor(student, (s) => s.status === 'connected' && s.self !== null);

      assert.equal(
        (await teacher.command({ type: 'startTimer', slideId: 'mc', durationMs: 30_000 })).ok,
        true,
      );
      const withDeadline = await waitFor(student, (s) => s.session?.slides[0]?.deadline !== null);
      assert.equal(withDeadline.session?.slides[0]?.deadline, clock.now() + 30_000);

      clock.advance(30_000);
      await waitFor(teacher, (s) => s.teacher?.state.slides.mc?.locked === true);
      await waitFor(
        student,
        (s) => s.session?.slides[0]?.locked === true && s.session.slides[0].deadline === null,
      );

      student.submitAnswer('mc', answerFor('multiple-choice', 1));
      const refused = await waitFor(student, (s) => s.answers.mc?.status === 'rejected');
      assert.equal(refused.answers.mc?.error?.code, 'slide_locked');
      assert.equal((await teacher.command({ type: 'unlockSlide', slideId: 'mc' })).ok, true);
    });

    it('presence goes connected → reconnecting → gone, with last seen and transport', async () => {
      const student = room.client();
      student.joinWithCode(room.session.joinCode, 'Presence Pat');
      const { studentId } = await waitFor(
        student,
        (s) => s.status === 'connected' && s.studentId !== null,
      );
      const id = studentId!;
      let t = await waitFor(teacher, (s) => s.teacher?.presence[id]?.status === 'connected');
      assert.equal(t.teacher?.presence[id]?.transport, 'websocket');

      student.close();
      t = await waitFor(teacher, (s) => s.teacher?.presence[id]?.status === 'reconnecting');
      const lastSeen = t.teacher?.presence[id]?.lastSeenAt;
      clock.advance(29_999);
      assert.equal(teacher.getState().teacher?.presence[id]?.status, 'reconnecting');
      clock.advance(1);
      t = await waitFor(teacher, (s) => s.teacher?.presence[id]?.status === 'gone');
      assert.equal(t.teacher?.presence[id]?.lastSeenAt, lastSeen);
    });

    it('an idle session leaves memory and comes back intact on the next connection', async () => {
      const before = room.server.registry.size;
      room.closeClients();
      await new Promise<void>((resolve) => {
        const check = () =>
          room.server.io.sockets.sockets.size === 0 ? resolve() : setImmediate(check);
        check();
      });
      clock.advance(60_000);
      assert.equal(room.server.registry.size, before - 1);

      teacher = room.client();
      teacher.connectAsTeacher(room.session.teacherToken);
      const back = await waitFor(teacher, (s) => s.teacher !== null);
      assert.equal(Object.keys(back.teacher!.state.students).length, 2);
      assert.equal(back.teacher!.state.slides.mc?.locked, false);
      assert.ok(Object.values(back.teacher!.presence).every((p) => p.status === 'reconnecting'));
    });
  },
);
