/**
 * Extended time: a student's own slide deadline and homework due time stretch by their factor
 * (`start + (end - start) * m`, none when unlimited); the class timer locks the slide only once
 * the last student still in the session is past their own deadline.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  ownDueAt,
  ownSlideDeadline,
  stretchedEnd,
  type SessionState,
} from '../src/protocol/index.ts';
import { publicSessionView, slideExpiresAt, studentSelfView } from '../src/engine/index.ts';
import {
  accept,
  asTeacher,
  expireCmd,
  newAnswerId,
  noop,
  openSlide,
  refused,
  ruleEvents,
  run,
  sessionWithStudents,
  SLIDE,
  submitCmd,
  T0,
  TEACHER_ID,
} from './support/engine-fixtures.ts';

const t = (ms: number): number => T0 + ms;
const runtime = (state: SessionState) => state.slides[SLIDE.mc]!;

/** s1 standard, s2 with `extended`; a 10 s timer on the single-choice slide from t(1_000). */
function timed(extended: 1.5 | 2 | 'unlimited' = 2): SessionState {
  const state = sessionWithStudents(3);
  openSlide(state, SLIDE.mc, t(10));
  run(
    state,
    asTeacher({ type: 'setExtendedTime', studentId: 's2', extendedTime: extended }),
    t(20),
  );
  run(state, asTeacher({ type: 'startTimer', slideId: SLIDE.mc, durationMs: 10_000 }), t(1_000));
  return state;
}

describe('the arithmetic', () => {
  it('stretches from the start: start + (end - start) * m; unlimited has no end', () => {
    assert.equal(stretchedEnd(1_000, 11_000, undefined), 11_000);
    assert.equal(stretchedEnd(1_000, 11_000, 1.5), 16_000);
    assert.equal(stretchedEnd(1_000, 11_000, 2), 21_000);
    assert.equal(stretchedEnd(1_000, 11_000, 'unlimited'), null);
    // An odd span stretches to a half millisecond: kept, not rounded (the rules do the same).
    assert.equal(stretchedEnd(0, 1_001, 1.5), 1_501.5);
  });

  it('a slide without a timer has no deadline; an older timer without a start is not stretched', () => {
    assert.equal(ownSlideDeadline({ deadline: null, timerStartedAt: 5 }, 2), null);
    assert.equal(ownSlideDeadline({ deadline: 9_000 }, 2), 9_000);
    assert.equal(ownSlideDeadline({ deadline: 9_000 }, 'unlimited'), null);
    assert.equal(ownSlideDeadline({ deadline: 9_000, timerStartedAt: 1_000 }, 2), 17_000);
  });

  it('the due time stretches from the session’s creation', () => {
    assert.equal(ownDueAt(undefined, 0, 2), null);
    assert.equal(ownDueAt(t(100_000), T0, undefined), t(100_000));
    assert.equal(ownDueAt(t(100_000), T0, 1.5), t(150_000));
    assert.equal(ownDueAt(t(100_000), T0, 'unlimited'), null);
  });
});

describe('setExtendedTime', () => {
  it('sets and removes (1 is standard time), audited, co-teachers too', () => {
    const state = sessionWithStudents(2);
    const set = accept(
      state,
      asTeacher({ type: 'setExtendedTime', studentId: 's1', extendedTime: 1.5 }),
      t(5),
    );
    assert.deepEqual(ruleEvents(set), [
      { type: 'extendedTimeChanged', studentId: 's1', extendedTime: 1.5 },
    ]);
    assert.equal(state.students.s1?.extendedTime, 1.5);
    assert.deepEqual(state.audit?.at(-1), {
      at: t(5),
      by: TEACHER_ID,
      action: 'setExtendedTime',
      studentId: 's1',
      detail: '1.5',
    });
    noop(state, asTeacher({ type: 'setExtendedTime', studentId: 's1', extendedTime: 1.5 }), t(6));
    run(state, asTeacher({ type: 'setCoTeachers', teacherIds: ['co-1'] }), t(7));
    run(
      state,
      asTeacher({ type: 'setExtendedTime', studentId: 's1', extendedTime: 'unlimited' }, 'co-1'),
      t(8),
    );
    assert.equal(state.students.s1?.extendedTime, 'unlimited');
    run(state, asTeacher({ type: 'setExtendedTime', studentId: 's1', extendedTime: 1 }), t(9));
    assert.equal('extendedTime' in state.students.s1, false);
    noop(state, asTeacher({ type: 'setExtendedTime', studentId: 's2', extendedTime: 1 }), t(10));
  });

  it('refuses unknown students, other values, and other teachers', () => {
    const state = sessionWithStudents(1);
    const set = { type: 'setExtendedTime', studentId: 'nobody', extendedTime: 2 } as const;
    refused(state, asTeacher(set), t(5), 'student_not_found');
    for (const extendedTime of [3, 0, 1.25, '2', null])
      refused(
        state,
        asTeacher({ ...set, studentId: 's1', extendedTime } as never),
        t(5),
        'bad_request',
      );
    refused(state, asTeacher({ ...set, studentId: 's1' }, 'teacher-2'), t(5), 'forbidden');
  });

  it('only the student learns it: their own view, never the public view', () => {
    const state = timed(2);
    assert.equal(studentSelfView(state, 's2')?.extendedTime, 2);
    assert.equal(studentSelfView(state, 's1')?.extendedTime, undefined);
    const shown = JSON.stringify(publicSessionView(state));
    assert.equal(shown.includes('extendedTime'), false);
    const slide = publicSessionView(state).slides.find((s) => s.id === SLIDE.mc);
    assert.equal(slide?.timerStartedAt, t(1_000));
    assert.equal(slide?.deadline, t(11_000));
  });
});

describe('answers on the student’s own time', () => {
  it('2×: accepted after the class deadline until their own; a standard student is refused', () => {
    const state = timed(2);
    run(state, submitCmd('s1', SLIDE.mc, newAnswerId()), t(10_999));
    refused(state, submitCmd('s3', SLIDE.mc, newAnswerId()), t(11_000), 'slide_locked');
    run(state, submitCmd('s2', SLIDE.mc, newAnswerId()), t(20_999));
    refused(state, submitCmd('s2', SLIDE.mc, newAnswerId()), t(21_000), 'slide_locked');
  });

  it('1.5×: until start + 1.5 × the span', () => {
    const state = timed(1.5);
    run(state, submitCmd('s2', SLIDE.mc, newAnswerId()), t(15_999));
    refused(state, submitCmd('s2', SLIDE.mc, newAnswerId()), t(16_000), 'slide_locked');
  });

  it('unlimited: answers until the teacher locks the slide', () => {
    const state = timed('unlimited');
    run(state, submitCmd('s2', SLIDE.mc, newAnswerId()), t(3_600_000));
    run(state, asTeacher({ type: 'lockSlide', slideId: SLIDE.mc }), t(3_600_001));
    refused(state, submitCmd('s2', SLIDE.mc, newAnswerId()), t(3_600_002), 'slide_locked');
  });

  it('homework: the due time stretches from the session’s creation', () => {
    const state = sessionWithStudents(3);
    openSlide(state, SLIDE.mc, t(10));
    run(state, asTeacher({ type: 'setDueAt', dueAt: t(100_000) }), t(20));
    run(state, asTeacher({ type: 'setExtendedTime', studentId: 's2', extendedTime: 2 }), t(30));
    run(
      state,
      asTeacher({ type: 'setExtendedTime', studentId: 's3', extendedTime: 'unlimited' }),
      t(30),
    );
    refused(state, submitCmd('s1', SLIDE.mc, newAnswerId()), t(100_000), 'past_due');
    run(state, submitCmd('s2', SLIDE.mc, newAnswerId()), t(199_999));
    refused(state, submitCmd('s2', SLIDE.mc, newAnswerId()), t(200_000), 'past_due');
    run(state, submitCmd('s3', SLIDE.mc, newAnswerId()), t(10_000_000));
    // Students get the creation time with the due time, to stretch it the same way.
    assert.equal(publicSessionView(state).createdAt, T0);
  });
});

describe('the class timer', () => {
  it('expires only when the last student’s own deadline has passed', () => {
    const state = timed(2);
    assert.equal(slideExpiresAt(state, runtime(state)), t(21_000));
    noop(state, expireCmd(SLIDE.mc), t(11_000));
    noop(state, expireCmd(SLIDE.mc), t(20_999));
    const result = accept(state, expireCmd(SLIDE.mc), t(21_000));
    assert.deepEqual(ruleEvents(result), [{ type: 'timerExpired', slideId: SLIDE.mc }]);
    assert.equal(runtime(state).locked, true);
    assert.equal(runtime(state).timerStartedAt, undefined);
  });

  it('never expires by itself with an unlimited student', () => {
    const state = timed('unlimited');
    assert.equal(slideExpiresAt(state, runtime(state)), null);
    noop(state, expireCmd(SLIDE.mc), t(1_000_000_000));
    assert.equal(runtime(state).locked, false);
  });

  it('a removed extended student no longer holds the slide open; readmitted, they do again', () => {
    const state = timed('unlimited');
    run(state, asTeacher({ type: 'removeStudent', studentId: 's2' }), t(12_000));
    assert.equal(slideExpiresAt(state, runtime(state)), t(11_000));
    run(state, asTeacher({ type: 'readmitStudent', studentId: 's2' }), t(12_500));
    assert.equal(slideExpiresAt(state, runtime(state)), null);
    run(state, asTeacher({ type: 'removeStudent', studentId: 's2' }), t(13_000));
    run(state, expireCmd(SLIDE.mc), t(13_000));
    assert.equal(runtime(state).locked, true);
  });

  it('changing a student’s extension while the timer runs moves the expiry', () => {
    const state = timed(2);
    run(state, asTeacher({ type: 'setExtendedTime', studentId: 's2', extendedTime: 1.5 }), t(2));
    assert.equal(slideExpiresAt(state, runtime(state)), t(16_000));
    run(state, asTeacher({ type: 'setExtendedTime', studentId: 's3', extendedTime: 2 }), t(3));
    assert.equal(slideExpiresAt(state, runtime(state)), t(21_000));
    run(state, asTeacher({ type: 'setExtendedTime', studentId: 's3', extendedTime: 1 }), t(4));
    noop(state, expireCmd(SLIDE.mc), t(15_999));
    run(state, expireCmd(SLIDE.mc), t(16_000));
  });

  it('cancelTimer: before the class deadline it cancels; past it, before the last one, it does nothing', () => {
    const early = timed(2);
    const cancelled = accept(early, asTeacher({ type: 'cancelTimer', slideId: SLIDE.mc }), t(5));
    assert.deepEqual(ruleEvents(cancelled), [{ type: 'timerCancelled', slideId: SLIDE.mc }]);
    assert.equal(runtime(early).timerStartedAt, undefined);

    const state = timed(2);
    // Extended students keep their time; standard ones stay refused (the slide does not reopen).
    noop(state, asTeacher({ type: 'cancelTimer', slideId: SLIDE.mc }), t(15_000));
    refused(state, submitCmd('s1', SLIDE.mc, newAnswerId()), t(15_001), 'slide_locked');
    run(state, submitCmd('s2', SLIDE.mc, newAnswerId()), t(15_002));
    const late = accept(state, asTeacher({ type: 'cancelTimer', slideId: SLIDE.mc }), t(21_000));
    assert.deepEqual(ruleEvents(late), [{ type: 'timerExpired', slideId: SLIDE.mc }]);
  });

  it('a restarted timer stretches from its own start', () => {
    const state = timed(2);
    run(state, asTeacher({ type: 'startTimer', slideId: SLIDE.mc, durationMs: 5_000 }), t(4_000));
    assert.equal(runtime(state).timerStartedAt, t(4_000));
    assert.equal(slideExpiresAt(state, runtime(state)), t(14_000));
  });
});
