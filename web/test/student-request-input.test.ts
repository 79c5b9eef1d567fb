/**
 * What an admin's student request accepts (server/student-requests.ts): the `session.student`
 * references the pages and routes pass along, and the find form's two ways to search. Anything
 * else is refused before a store or the realtime tier is asked.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  MAX_REFS,
  parseFindQuery,
  refsFromParams,
  refText,
  studentRefSchema,
} from '../src/server/student-requests.ts';

describe('student request input', () => {
  it('reads a student of a session as session.student, and writes it back the same', () => {
    const ref = studentRefSchema.parse('sess_1-A.stu-9_Z');
    assert.deepEqual(ref, { sessionId: 'sess_1-A', studentId: 'stu-9_Z' });
    assert.equal(refText(ref), 'sess_1-A.stu-9_Z');
    for (const bad of [
      '',
      'only-one',
      'a.b.c',
      '.b',
      'a.',
      'a/b.c',
      'a.b c',
      `${'x'.repeat(65)}.b`,
    ])
      assert.equal(studentRefSchema.safeParse(bad).success, false, JSON.stringify(bad));
  });

  it('takes one or many s parameters, once each, and refuses none, too many or a bad one', () => {
    assert.deepEqual(refsFromParams('s1.a'), [{ sessionId: 's1', studentId: 'a' }]);
    assert.deepEqual(refsFromParams(['s1.a', 's2.a', 's1.a']), [
      { sessionId: 's1', studentId: 'a' },
      { sessionId: 's2', studentId: 'a' },
    ]);
    assert.equal(refsFromParams(undefined), null);
    assert.equal(refsFromParams([]), null);
    assert.equal(refsFromParams(['s1.a', 'nope']), null);
    const many = Array.from({ length: MAX_REFS + 1 }, (_, i) => `s${i}.a`);
    assert.equal(refsFromParams(many), null);
    assert.equal(refsFromParams(many.slice(0, MAX_REFS))?.length, MAX_REFS);
  });

  it('finds by school address, or by name with optional code, teacher and day', () => {
    assert.deepEqual(parseFindQuery({}), { query: null, invalid: false });
    assert.deepEqual(parseFindQuery({ email: ' ada@students.test ' }), {
      query: { email: 'ada@students.test' },
      invalid: false,
    });
    // The address wins when both are given: it is the precise one.
    assert.deepEqual(parseFindQuery({ email: 'ada@students.test', name: 'Ada' }).query, {
      email: 'ada@students.test',
    });
    assert.deepEqual(parseFindQuery({ name: ' Ada ', code: 'abc234', day: '2026-12-07' }).query, {
      name: 'Ada',
      code: 'abc234',
      day: '2026-12-07',
    });
    assert.deepEqual(parseFindQuery({ name: 'Ada', code: '', teacher: '' }).query, { name: 'Ada' });
    for (const params of [
      { email: 'not an address' },
      { name: 'Ada', day: '07/12/2026' },
      { name: 'x'.repeat(101) },
    ])
      assert.deepEqual(
        parseFindQuery(params),
        { query: null, invalid: true },
        JSON.stringify(params),
      );
  });
});
