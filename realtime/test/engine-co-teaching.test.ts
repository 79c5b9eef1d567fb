/**
 * Co-teaching and the audit trail in the engine: the owner names co-teachers, who then control
 * the session like the owner (but cannot name others); every teacher command that changed the
 * session is recorded with who sent it, and nothing else is.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LIMITS } from '../src/protocol/index.ts';
import {
  OTHER_TEACHER_ID,
  SLIDE,
  T0,
  TEACHER_ID,
  accept,
  asTeacher,
  noop,
  openSlide,
  refused,
  run,
  sampleTeacherCommands,
  sessionWithStudents,
  submitCmd,
} from './support/engine-fixtures.ts';

const CO = 'co-teacher-1';

describe('co-teachers', () => {
  it('the owner names co-teachers, who then control the session; others stay out', () => {
    let state = sessionWithStudents(1);
    refused(state, asTeacher({ type: 'lockSlide', slideId: SLIDE.mc }, CO), T0 + 1, 'forbidden');
    state = run(state, asTeacher({ type: 'setCoTeachers', teacherIds: [CO] }), T0 + 2);
    assert.deepEqual(state.coTeacherIds, [CO]);
    state = run(state, asTeacher({ type: 'lockSlide', slideId: SLIDE.mc }, CO), T0 + 3);
    assert.equal(state.slides[SLIDE.mc]?.locked, true);
    refused(
      state,
      asTeacher({ type: 'unlockSlide', slideId: SLIDE.mc }, OTHER_TEACHER_ID),
      T0 + 4,
      'forbidden',
    );
  });

  it('a co-teacher cannot name co-teachers, and loses control when the owner drops them', () => {
    let state = sessionWithStudents(1);
    state = run(state, asTeacher({ type: 'setCoTeachers', teacherIds: [CO] }), T0 + 1);
    refused(
      state,
      asTeacher({ type: 'setCoTeachers', teacherIds: [CO, OTHER_TEACHER_ID] }, CO),
      T0 + 2,
      'forbidden',
    );
    state = run(state, asTeacher({ type: 'setCoTeachers', teacherIds: [] }), T0 + 3);
    refused(state, asTeacher({ type: 'goToSlide', slideIndex: 1 }, CO), T0 + 4, 'forbidden');
  });

  it('keeps the list without duplicates or the owner, and bounded', () => {
    let state = sessionWithStudents(0);
    state = run(
      state,
      asTeacher({ type: 'setCoTeachers', teacherIds: [CO, CO, TEACHER_ID, OTHER_TEACHER_ID] }),
      T0 + 1,
    );
    assert.deepEqual(state.coTeacherIds, [CO, OTHER_TEACHER_ID]);
    noop(state, asTeacher({ type: 'setCoTeachers', teacherIds: [OTHER_TEACHER_ID, CO] }), T0 + 2);
    const tooMany = Array.from({ length: LIMITS.coTeachersMax + 1 }, (_, i) => `t${i}`);
    refused(
      state,
      asTeacher({ type: 'setCoTeachers', teacherIds: tooMany }),
      T0 + 3,
      'bad_request',
    );
  });
});

describe('audit trail', () => {
  it('records every teacher command that changed the session, with who and when', () => {
    let state = sessionWithStudents(1);
    state = run(state, asTeacher({ type: 'setCoTeachers', teacherIds: [CO] }), T0 + 1);
    // An answer to hide, and the class back on the first slide, so every sample command changes
    // something.
    state = openSlide(state, SLIDE.mc, T0 + 2);
    state = run(state, submitCmd('s1', SLIDE.mc, 'answer-0001'), T0 + 3);
    state = run(state, asTeacher({ type: 'goToSlide', slideIndex: 0 }), T0 + 4);
    const before = state.audit?.length ?? 0;
    const commands = sampleTeacherCommands('s1').filter((c) => c.type !== 'setCoTeachers');
    commands.forEach((command, i) => {
      const result = accept(state, asTeacher(command, i % 2 ? CO : TEACHER_ID), T0 + 10 + i);
      state = result.state;
    });
    const recorded = state.audit!.slice(before);
    assert.deepEqual(
      recorded.map((e) => [e.action, e.by, e.at]),
      commands.map((c, i) => [c.type, i % 2 ? CO : TEACHER_ID, T0 + 10 + i]),
    );
    const reveal = recorded.find((e) => e.action === 'setReveal');
    assert.deepEqual(reveal, {
      at: reveal!.at,
      by: reveal!.by,
      action: 'setReveal',
      slideId: SLIDE.mc,
      detail: 'named',
    });
    const removal = recorded.find((e) => e.action === 'removeStudent');
    assert.equal(removal?.studentId, 's1');
    assert.equal(recorded.find((e) => e.action === 'goToSlide')?.detail, '2');
  });

  it('records nothing for a command that changed nothing or was refused', () => {
    let state = sessionWithStudents(1);
    state = run(state, asTeacher({ type: 'lockSlide', slideId: SLIDE.mc }), T0 + 1);
    const count = state.audit?.length;
    noop(state, asTeacher({ type: 'lockSlide', slideId: SLIDE.mc }), T0 + 2);
    refused(state, asTeacher({ type: 'lockSlide', slideId: 'nope' }), T0 + 3, 'slide_not_found');
    assert.equal(state.audit?.length, count);
  });

  it(`keeps the newest ${LIMITS.auditEntriesMax} entries`, () => {
    let state = sessionWithStudents(0);
    for (let i = 0; i < LIMITS.auditEntriesMax + 5; i++) {
      const command = i % 2 === 0 ? 'lockSlide' : 'unlockSlide';
      state = run(state, asTeacher({ type: command, slideId: SLIDE.mc }), T0 + i);
    }
    assert.equal(state.audit?.length, LIMITS.auditEntriesMax);
    assert.equal(state.audit?.[0]?.at, T0 + 5);
  });
});
