/**
 * Sessions whose students sign in with their school account: the engine takes only joins the
 * web app vouched for (`verified`, set by the server, never by a client's message), and a
 * signed-in student who joined already comes back (another device) without a second join; a
 * session without the setting joins by code and name as before.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  T0,
  accept,
  asStudent,
  asTeacher,
  createCmd,
  joinCmd,
  noop,
  refused,
  run,
} from './support/engine-fixtures.ts';

const signInSession = () => accept(null, createCmd({ studentSignIn: true }), T0).state;

describe('students who sign in', () => {
  it('refuses a join by code and name, and changes nothing', () => {
    refused(signInSession(), joinCmd('s1', 'Ada'), T0 + 1, 'sign_in_required');
  });

  it('takes a join the web app vouched for', () => {
    const state = signInSession();
    accept(state, asStudent('s1', { type: 'join', name: 'Ada Lovelace', verified: true }), T0 + 1);
    assert.equal(state.students.s1?.name, 'Ada Lovelace');
  });

  it('lets a signed-in student come back on another device, but not once removed', () => {
    const state = signInSession();
    const verifiedJoin = asStudent('s1', { type: 'join', name: 'Ada Lovelace', verified: true });
    run(state, verifiedJoin, T0 + 1);
    noop(state, verifiedJoin, T0 + 2);
    assert.equal(Object.keys(state.students).length, 1, 'one student, not two');
    run(state, asTeacher({ type: 'removeStudent', studentId: 's1' }), T0 + 3);
    refused(state, verifiedJoin, T0 + 4, 'student_removed');
  });

  it('leaves sessions without the setting open to joins by code', () => {
    const state = accept(null, createCmd(), T0).state;
    accept(state, joinCmd('s1', 'Ada'), T0 + 1);
    assert.ok(state.students.s1);
  });
});
