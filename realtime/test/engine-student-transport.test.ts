/**
 * The session's student-transport settings (Firebase mode, dark launch): teacher commands that
 * go through the engine like any other, so every process and every client sees one value.
 * Who may send them is covered with every other teacher command in engine-rules.test.ts.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { publicSessionView, teacherMeta } from '../src/engine/index.ts';
import type { TeacherCommand } from '../src/protocol/index.ts';
import {
  T0,
  accept,
  asTeacher,
  createCmd,
  newSession,
  noop,
  refused,
  ruleEvents,
  run,
} from './support/engine-fixtures.ts';

const t = (ms: number): number => T0 + ms;

describe('student transport and dark-launch share', () => {
  it('a new session has neither setting unless it was created with them', () => {
    const state = newSession();
    assert.equal(state.settings.studentTransport, undefined);
    const view = publicSessionView(state);
    assert.equal('studentTransport' in view, false);
    assert.equal('darkLaunchShare' in view, false);

    const created = createCmd();
    if (created.command.type !== 'createSession') assert.fail('createCmd makes a createSession');
    created.command.settings = {
      ...created.command.settings,
      studentTransport: 'firebase',
      darkLaunchShare: 0.25,
    };
    const withSettings = accept(null, created, T0).state;
    assert.equal(publicSessionView(withSettings).studentTransport, 'firebase');
    assert.equal(publicSessionView(withSettings).darkLaunchShare, 0.25);
  });

  it('setStudentTransport moves the students; the same transport again is a no-op', () => {
    const state = newSession();
    const result = accept(
      state,
      asTeacher({ type: 'setStudentTransport', transport: 'socket' }),
      t(1),
    );
    assert.deepEqual(ruleEvents(result), [
      { type: 'studentTransportChanged', transport: 'socket' },
    ]);
    assert.equal(publicSessionView(state).studentTransport, 'socket');
    assert.equal(teacherMeta(state).settings.studentTransport, 'socket');
    noop(state, asTeacher({ type: 'setStudentTransport', transport: 'socket' }), t(2));
    run(state, asTeacher({ type: 'setStudentTransport', transport: 'firebase' }), t(3));
    assert.equal(publicSessionView(state).studentTransport, 'firebase');
  });

  it('setDarkLaunchShare takes a share from 0 to 1; the same share again is a no-op', () => {
    const state = newSession();
    run(state, asTeacher({ type: 'setDarkLaunchShare', share: 1 }), t(1));
    assert.equal(publicSessionView(state).darkLaunchShare, 1);
    noop(state, asTeacher({ type: 'setDarkLaunchShare', share: 1 }), t(2));
    run(state, asTeacher({ type: 'setDarkLaunchShare', share: 0 }), t(3));
    assert.equal(publicSessionView(state).darkLaunchShare, 0);
  });

  it('refuses values outside the protocol with bad_request, changing nothing', () => {
    const state = newSession();
    const bad = [
      { type: 'setStudentTransport', transport: 'carrier-pigeon' },
      { type: 'setStudentTransport' },
      { type: 'setDarkLaunchShare', share: 1.5 },
      { type: 'setDarkLaunchShare', share: -0.1 },
      { type: 'setDarkLaunchShare', share: Number.NaN },
      { type: 'setDarkLaunchShare', share: '0.5' },
    ];
    for (const command of bad)
      refused(state, asTeacher(command as unknown as TeacherCommand), t(1), 'bad_request');
  });
});
