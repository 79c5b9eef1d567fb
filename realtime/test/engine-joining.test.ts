/**
 * Joining is the teacher's to control: a class size (raised live), closing the session to new
 * students, a waiting room, and removed students who stay out under the same or a look-alike name
 * until the teacher lets them back in. Every change is in the audit trail.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  T0,
  accept,
  asTeacher,
  createCmd,
  joinCmd,
  noop,
  openSlide,
  refused,
  run,
  SLIDE,
  submitCmd,
} from './support/engine-fixtures.ts';
import { studentSelfView } from '../src/engine/index.ts';

const session = (classSize?: number) =>
  accept(null, createCmd(classSize === undefined ? {} : { classSize }), T0).state;

describe('joining controls', () => {
  it('a full class takes no one until the teacher makes room or someone is removed', () => {
    const state = session(2);
    run(state, joinCmd('a', 'Ada'), T0 + 1);
    run(state, joinCmd('b', 'Bo'), T0 + 2);
    refused(state, joinCmd('c', 'Cy'), T0 + 3, 'class_full');
    run(state, asTeacher({ type: 'setClassSize', classSize: 3 }), T0 + 4);
    run(state, joinCmd('c', 'Cy'), T0 + 5);
    refused(state, joinCmd('d', 'Di'), T0 + 6, 'class_full');
    run(state, asTeacher({ type: 'removeStudent', studentId: 'b' }), T0 + 7);
    run(state, joinCmd('d', 'Di'), T0 + 8);
    noop(state, asTeacher({ type: 'setClassSize', classSize: 3 }), T0 + 9);
  });

  it('a closed session takes no new students; the ones in it stay', () => {
    const state = session();
    run(state, joinCmd('a', 'Ada'), T0 + 1);
    run(state, asTeacher({ type: 'setJoinLocked', locked: true }), T0 + 2);
    refused(state, joinCmd('b', 'Bo'), T0 + 3, 'joining_locked');
    assert.ok(state.students.a && !state.students.a.removed);
    run(state, asTeacher({ type: 'setJoinLocked', locked: false }), T0 + 4);
    run(state, joinCmd('b', 'Bo'), T0 + 5);
  });

  it('a removed student stays out under the same or a look-alike name, until let back in', () => {
    const state = session();
    run(state, joinCmd('eve', 'Eve'), T0 + 1);
    run(state, asTeacher({ type: 'removeStudent', studentId: 'eve' }), T0 + 2);
    for (const [i, name] of ['Eve', 'eve', 'E\u200Bve', '\u0415ve'].entries())
      refused(state, joinCmd(`eve-${i}`, name), T0 + 3 + i, 'student_removed');
    run(state, joinCmd('evan', 'Evan'), T0 + 10);
    run(state, asTeacher({ type: 'readmitStudent', studentId: 'eve' }), T0 + 11);
    assert.equal(state.students.eve?.removed, false, 'back in, on their own device too');
    run(state, joinCmd('eve-2', 'Eve'), T0 + 12);
    assert.equal(state.students['eve-2']?.name, 'Eve (2)');
    refused(
      state,
      asTeacher({ type: 'readmitStudent', studentId: 'nobody' }),
      T0 + 13,
      'student_not_found',
    );
  });

  it('an abandoned session’s code stops taking new students; a teacher’s action revives it', () => {
    const state = accept(null, createCmd({ idleEndMs: 3_600_000 }), T0).state;
    run(state, joinCmd('a', 'Ada'), T0 + 60_000);
    refused(state, joinCmd('b', 'Bo'), T0 + 2 * 3_600_000, 'session_ended');
    // A command that changes nothing is not activity; a real change is.
    noop(state, asTeacher({ type: 'setJoinLocked', locked: false }), T0 + 2 * 3_600_000 + 1);
    refused(state, joinCmd('b', 'Bo'), T0 + 2 * 3_600_000 + 1, 'session_ended');
    run(state, asTeacher({ type: 'setClassSize', classSize: 30 }), T0 + 2 * 3_600_000 + 2);
    run(state, joinCmd('b', 'Bo'), T0 + 2 * 3_600_000 + 3);
  });

  it('the waiting room: students wait, answer nothing, and come in when the teacher admits them', () => {
    const state = openSlide(session(3), SLIDE.mc, T0);
    run(state, joinCmd('a', 'Ada'), T0 + 1);
    run(state, asTeacher({ type: 'setWaitingRoom', enabled: true }), T0 + 2);
    run(state, joinCmd('b', 'Bo'), T0 + 3);
    run(state, joinCmd('c', 'Cy'), T0 + 4);
    assert.equal(state.students.a?.waiting, undefined, 'who was in before stays in');
    assert.equal(state.students.b?.waiting, true);
    assert.equal(studentSelfView(state, 'b')?.waiting, true);
    refused(state, submitCmd('b', SLIDE.mc, 'answer-b-00001'), T0 + 5, 'waiting_for_teacher');
    run(state, asTeacher({ type: 'admitStudents', studentIds: ['b'] }), T0 + 6);
    assert.equal(state.students.b?.waiting, undefined);
    assert.equal(studentSelfView(state, 'b')?.waiting, false);
    run(state, submitCmd('b', SLIDE.mc, 'answer-b-00001'), T0 + 7);
    // Admitting someone who is not waiting changes nothing.
    noop(state, asTeacher({ type: 'admitStudents', studentIds: ['a', 'nobody'] }), T0 + 8);
    // Removing a waiting student keeps them out, like any removal.
    run(state, asTeacher({ type: 'removeStudent', studentId: 'c' }), T0 + 9);
    refused(state, joinCmd('c2', 'Cy'), T0 + 10, 'student_removed');
    assert.equal(studentSelfView(state, 'c'), null);
  });

  it('admitting stops at the class size; a full waiting room takes no one', () => {
    const state = session(2);
    run(state, asTeacher({ type: 'setWaitingRoom', enabled: true }), T0 + 1);
    run(state, joinCmd('a', 'Ada'), T0 + 2);
    run(state, joinCmd('b', 'Bo'), T0 + 3);
    // The waiting room holds one class's worth: a flood cannot grow it without end.
    refused(state, joinCmd('c', 'Cy'), T0 + 4, 'class_full');
    run(state, asTeacher({ type: 'setClassSize', classSize: 1 }), T0 + 5);
    run(state, asTeacher({ type: 'admitStudents', studentIds: 'all' }), T0 + 6);
    assert.equal(state.students.a?.waiting, undefined, 'first come, first in');
    assert.equal(state.students.b?.waiting, true, 'no room for the second');
    refused(state, asTeacher({ type: 'admitStudents', studentIds: ['b'] }), T0 + 7, 'class_full');
    run(state, asTeacher({ type: 'setClassSize', classSize: 5 }), T0 + 8);
    // Turning the waiting room off lets everyone waiting in, and new students join directly.
    run(state, asTeacher({ type: 'setWaitingRoom', enabled: false }), T0 + 9);
    assert.equal(state.students.b?.waiting, undefined);
    run(state, joinCmd('c', 'Cy'), T0 + 10);
    assert.equal(state.students.c?.waiting, undefined);
  });

  it('a student let back in after removal from the waiting room does not wait again', () => {
    const state = session();
    run(state, asTeacher({ type: 'setWaitingRoom', enabled: true }), T0 + 1);
    run(state, joinCmd('a', 'Ada'), T0 + 2);
    run(state, asTeacher({ type: 'removeStudent', studentId: 'a' }), T0 + 3);
    run(state, asTeacher({ type: 'readmitStudent', studentId: 'a' }), T0 + 4);
    assert.equal(state.students.a?.waiting, undefined);
    assert.equal(state.students.a?.removed, false);
  });

  it('records who changed joining in the audit trail', () => {
    const state = session();
    run(state, asTeacher({ type: 'setJoinLocked', locked: true }), T0 + 1);
    run(state, asTeacher({ type: 'setClassSize', classSize: 40 }), T0 + 2);
    run(state, asTeacher({ type: 'setJoinLocked', locked: false }), T0 + 3);
    run(state, asTeacher({ type: 'setWaitingRoom', enabled: true }), T0 + 3);
    run(state, joinCmd('a', 'Ada'), T0 + 4);
    run(state, asTeacher({ type: 'admitStudents', studentIds: 'all' }), T0 + 5);
    const actions = (state.audit ?? []).map((e) => [e.action, e.detail]);
    assert.deepEqual(actions, [
      ['setJoinLocked', 'true'],
      ['setClassSize', '40'],
      ['setJoinLocked', 'false'],
      ['setWaitingRoom', 'true'],
      ['admitStudents', 'all'],
    ]);
  });
});
