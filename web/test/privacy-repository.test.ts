/**
 * The privacy repositories (retention policy, keep-until, the retention job's query, the access
 * audit) on SQLite and on a real PostgreSQL, each migrated from empty; and the register of stored
 * fields against PostgreSQL's own schema, which the same migrations build.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Kysely } from 'kysely';
import { openDatabase } from '../src/server/data/connect.ts';
import { migrateToLatest } from '../src/server/data/migrate.ts';
import * as audit from '../src/server/data/access-audit-repository.ts';
import * as retention from '../src/server/data/retention-repository.ts';
import { insertSession, type SessionRecord } from '../src/server/data/session-repository.ts';
import type { WebTables } from '../src/server/data/tables.ts';
import { fieldIds } from '../src/privacy/stored-fields.ts';
import { databaseBackends } from './support/database-backends.ts';
import { storedColumns } from './support/stored-columns.ts';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 11, 7, 12);

const BACKENDS = databaseBackends('privacy');

const session = (id: string, createdAt: number, dueAt?: number): SessionRecord => ({
  id,
  deckId: null,
  title: `Session ${id}`,
  joinCode: `C${id}`.slice(0, 6).toUpperCase(),
  teacherToken: `token-${id}`,
  createdAt,
  ...(dueAt === undefined ? {} : { dueAt }),
});

for (const backend of BACKENDS) {
  describe(`privacy repositories on ${backend.name}`, () => {
    let db: Kysely<WebTables>;
    before(async () => {
      await backend.start();
      db = openDatabase(await backend.target('privacy'));
      await migrateToLatest(db);
    });
    after(async () => {
      await db.destroy();
      backend.stop();
    });

    it('has exactly the columns the register lists', async () => {
      assert.deepEqual((await storedColumns(db)).sort(), fieldIds('webDatabase').sort());
    });

    it('reads the default policy until an admin sets one, then the admin’s', async () => {
      assert.deepEqual(await retention.getRetentionPolicy(db), retention.DEFAULT_RETENTION_POLICY);
      await retention.setRetentionPolicy(
        db,
        { retentionDays: 30, maxKeepDays: 90 },
        'admin-1',
        NOW,
      );
      await retention.setRetentionPolicy(
        db,
        { retentionDays: 40, maxKeepDays: 400 },
        'admin-2',
        NOW + 1,
      );
      assert.deepEqual(await retention.getRetentionPolicy(db), {
        retentionDays: 40,
        maxKeepDays: 400,
        updatedBy: 'admin-2',
        updatedAt: NOW + 1,
      });
    });

    it('finds, in one query, the sessions ended before the cutoff and not kept', async () => {
      const teacher = 't-retention';
      const policy = { retentionDays: 30 };
      // Ended 31 days ago: past retention.
      await insertSession(db, teacher, session('old-ended', NOW - 60 * DAY), 'socket');
      await retention.recordSessionEnded(db, 'old-ended', NOW - 31 * DAY);
      // Started long ago but ended 5 days ago: kept.
      await insertSession(db, teacher, session('long-running', NOW - 60 * DAY), 'socket');
      await retention.recordSessionEnded(db, 'long-running', NOW - 5 * DAY);
      // A later sighting of the end does not move the first one.
      await retention.recordSessionEnded(db, 'old-ended', NOW - 1 * DAY);
      // Never seen ending: counts from its due time, else its start.
      await insertSession(
        db,
        teacher,
        session('homework', NOW - 90 * DAY, NOW - 10 * DAY),
        'socket',
      );
      await insertSession(db, teacher, session('never-seen', NOW - 45 * DAY), 'socket');
      await insertSession(db, teacher, session('recent', NOW - 2 * DAY), 'socket');
      // Kept past now by its teacher; and one whose keep has run out.
      await insertSession(db, teacher, session('kept', NOW - 100 * DAY), 'socket');
      assert.equal(await retention.setKeepUntil(db, teacher, 'kept', NOW + DAY), true);
      await insertSession(db, teacher, session('keep-over', NOW - 100 * DAY), 'socket');
      assert.equal(await retention.setKeepUntil(db, teacher, 'keep-over', NOW - DAY), true);
      // Another teacher cannot keep it.
      assert.equal(await retention.setKeepUntil(db, 'someone-else', 'old-ended', NOW + DAY), false);

      assert.deepEqual(await retention.sessionsPastRetention(db, policy, NOW), [
        'keep-over',
        'never-seen',
        'old-ended',
      ]);
      assert.deepEqual(await retention.sessionsPastRetention(db, policy, NOW, 1), ['keep-over']);
      assert.deepEqual(await retention.getSessionRetention(db, 'old-ended'), {
        endedAt: NOW - 31 * DAY,
        keepUntil: null,
      });
      assert.deepEqual(await retention.getSessionRetention(db, 'homework'), {
        endedAt: NOW - 10 * DAY,
        keepUntil: null,
      });
      assert.equal(await retention.getSessionRetention(db, 'missing'), null);
    });

    it('records accesses without student data, filters them and pages newest first', async () => {
      for (let i = 0; i < 7; i++)
        await audit.recordAccess(db, {
          id: `a${i}`,
          at: NOW - i * DAY,
          accountId: i % 2 === 0 ? 'teacher-a' : 'teacher-b',
          action: i === 6 ? 'retention.policy' : 'report.csv',
          sessionId: i === 6 ? null : `s${i % 3}`,
          detail: i === 6 ? 'retention 30 days, keep up to 90 days' : null,
        });
      const first = await audit.listAccess(db, {}, 0, 3);
      assert.deepEqual(
        first.entries.map((e) => e.id),
        ['a0', 'a1', 'a2'],
      );
      assert.equal(first.hasMore, true);
      const last = await audit.listAccess(db, {}, 2, 3);
      assert.deepEqual(
        last.entries.map((e) => e.id),
        ['a6'],
      );
      assert.equal(last.hasMore, false);
      assert.deepEqual(last.entries[0], {
        id: 'a6',
        at: NOW - 6 * DAY,
        accountId: 'teacher-a',
        action: 'retention.policy',
        sessionId: null,
        detail: 'retention 30 days, keep up to 90 days',
      });
      const byTeacher = await audit.listAccess(db, { accountId: 'teacher-b' }, 0);
      assert.deepEqual(
        byTeacher.entries.map((e) => e.id),
        ['a1', 'a3', 'a5'],
      );
      const bySession = await audit.listAccess(db, { sessionId: 's0' }, 0);
      assert.deepEqual(
        bySession.entries.map((e) => e.id),
        ['a0', 'a3'],
      );
      const byDates = await audit.listAccess(db, { from: NOW - 4 * DAY, until: NOW - DAY }, 0);
      assert.deepEqual(
        byDates.entries.map((e) => e.id),
        ['a2', 'a3', 'a4'],
      );
      assert.equal(await audit.deleteAccessBefore(db, NOW - 4 * DAY), 2);
      assert.equal((await audit.listAccess(db, {}, 0)).entries.length, 5);
    });
  });
}
