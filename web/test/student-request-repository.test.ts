/**
 * The web tier's part of a student data request (issue 25) on SQLite and on a real PostgreSQL,
 * each migrated from empty: an address's sessions across teachers, the sessions an admin searches
 * by code, teacher and day, the address row a student's erasure removes (and only that one), and
 * the audit actions that record exports and erasures.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Kysely } from 'kysely';
import { openDatabase } from '../src/server/data/connect.ts';
import { migrateToLatest } from '../src/server/data/migrate.ts';
import * as audit from '../src/server/data/access-audit-repository.ts';
import { insertAccount } from '../src/server/data/account-repository.ts';
import { insertSession } from '../src/server/data/session-repository.ts';
import {
  claimSessionStudent,
  sessionStudentEmails,
} from '../src/server/data/session-student-repository.ts';
import * as requests from '../src/server/data/student-request-repository.ts';
import type { WebTables } from '../src/server/data/tables.ts';
import { databaseBackends } from './support/database-backends.ts';

const DAY = 86_400_000;
const MONDAY = Date.UTC(2026, 11, 7, 9);

const BACKENDS = databaseBackends('student-requests');

for (const backend of BACKENDS) {
  describe(`student request repository on ${backend.name}`, () => {
    let db: Kysely<WebTables>;
    before(async () => {
      await backend.start();
      db = openDatabase(await backend.target('student_requests'));
      await migrateToLatest(db);
      for (const [id, name] of [
        ['t-ana', 'Ana Teacher'],
        ['t-bo', 'Bo Teacher'],
      ] as const)
        await insertAccount(db, {
          id,
          email: `${id}@school.test`,
          name,
          role: 'teacher',
          passwordHash: null,
          createdAt: 0,
        });
      const start = async (id: string, teacher: string, code: string, createdAt: number) =>
        insertSession(
          db,
          teacher,
          { id, deckId: null, title: `Lesson ${id}`, joinCode: code, teacherToken: 'x', createdAt },
          'socket',
          true,
        );
      await start('s-math', 't-ana', 'MATH22', MONDAY);
      await start('s-art', 't-bo', 'ARTS33', MONDAY + DAY);
      // A session whose teacher's account is gone.
      await start('s-old', 't-gone', 'OLDS44', MONDAY - DAY);
      const claim = (session: string, studentId: string, email: string, name: string) =>
        claimSessionStudent(db, session, { studentId, email, name }, MONDAY + 60_000);
      await claim('s-math', 'st-ada-m', 'Ada@Students.test', 'Ada');
      await claim('s-art', 'st-ada-a', 'ada@students.test', 'Ada L.');
      await claim('s-old', 'st-ada-o', 'ada@students.test', 'Ada');
      await claim('s-math', 'st-ben', 'ben@students.test', 'Ben');
      await claim('s-art', 'st-ben-a', 'ben@students.test', 'Ben');
    });
    after(async () => {
      await db.destroy();
      backend.stop();
    });

    it('finds every session an address signed in to, newest first, whoever taught it', async () => {
      const found = await requests.sessionsOfStudentEmail(db, ' ADA@students.test ');
      assert.deepEqual(
        found.map((f) => [f.sessionId, f.studentId, f.name, f.teacherName, f.email]),
        [
          ['s-art', 'st-ada-a', 'Ada L.', 'Bo Teacher', 'ada@students.test'],
          ['s-math', 'st-ada-m', 'Ada', 'Ana Teacher', 'ada@students.test'],
          ['s-old', 'st-ada-o', 'Ada', null, 'ada@students.test'],
        ],
      );
      assert.equal(found[1]!.joinCode, 'MATH22');
      assert.equal(found[1]!.ownerId, 't-ana');
      assert.deepEqual(await requests.sessionsOfStudentEmail(db, 'nobody@students.test'), []);
    });

    it('lists the sessions an admin searches by code, teacher and day', async () => {
      const ids = async (filter: requests.AdminSessionFilter) =>
        (await requests.findSessionsForAdmin(db, filter)).map((s) => s.sessionId);
      assert.deepEqual(await ids({}), ['s-art', 's-math', 's-old']);
      assert.deepEqual(await ids({ joinCode: ' math22 ' }), ['s-math']);
      assert.deepEqual(await ids({ teacherId: 't-bo' }), ['s-art']);
      assert.deepEqual(
        await ids({ from: MONDAY - 9 * 3_600_000, until: MONDAY + 15 * 3_600_000 }),
        ['s-math'],
      );
      assert.deepEqual(await ids({ joinCode: 'MATH22', teacherId: 't-bo' }), []);
      const one = await requests.adminSession(db, 's-old');
      assert.deepEqual(one, {
        sessionId: 's-old',
        title: 'Lesson s-old',
        joinCode: 'OLDS44',
        createdAt: MONDAY - DAY,
        ownerId: 't-gone',
        teacherName: null,
      });
      assert.equal(await requests.adminSession(db, 'nope'), null);
    });

    it('erases one student’s address row of one session and nothing else', async () => {
      assert.deepEqual(await requests.sessionStudentSignIn(db, 's-math', 'st-ada-m'), {
        email: 'ada@students.test',
        name: 'Ada',
        signedInAt: MONDAY + 60_000,
      });
      assert.equal(await requests.eraseSessionStudentRow(db, 's-math', 'st-ada-m'), 1);
      assert.equal(await requests.eraseSessionStudentRow(db, 's-math', 'st-ada-m'), 0, 'once');
      assert.equal(await requests.sessionStudentSignIn(db, 's-math', 'st-ada-m'), null);
      // The classmate in the same session, and the same student's other sessions, stay.
      assert.deepEqual(
        [...(await sessionStudentEmails(db, 's-math'))],
        [['st-ben', 'ben@students.test']],
      );
      assert.deepEqual(
        (await requests.sessionsOfStudentEmail(db, 'ada@students.test')).map((f) => f.sessionId),
        ['s-art', 's-old'],
      );
      // Signing in again afterwards starts afresh.
      const again = await claimSessionStudent(
        db,
        's-math',
        { studentId: 'st-ada-new', email: 'ada@students.test', name: 'Ada' },
        MONDAY + DAY,
      );
      assert.equal(again.created, true);
    });

    it('records exports and erasures as audit actions with only an id and a count', async () => {
      for (const action of ['student.export', 'student.erase'] as const)
        await audit.recordAccess(db, {
          id: action,
          at: MONDAY,
          accountId: 't-ana',
          action,
          sessionId: 's-art',
          detail: action === 'student.erase' ? 'records=2' : 'answers=3',
        });
      const { entries } = await audit.listAccess(db, { sessionId: 's-art' }, 0);
      assert.deepEqual(entries.map((e) => [e.action, e.detail]).sort(), [
        ['student.erase', 'records=2'],
        ['student.export', 'answers=3'],
      ]);
    });
  });
}
