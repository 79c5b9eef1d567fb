/**
 * The web tier's repository contract: every operation of every repository, run the same way on
 * SQLite (the embedded default) and on a real PostgreSQL (production), each migrated from empty
 * by the same migrations. A query that behaves differently on the two fails here.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { deckSchema, type Deck } from '@classpulse/realtime/protocol';
import type { Kysely } from 'kysely';
import { openDatabase, type DatabaseTarget } from '../src/server/data/connect.ts';
import * as accounts from '../src/server/data/account-repository.ts';
import * as decks from '../src/server/data/deck-repository.ts';
import * as coTeachers from '../src/server/data/co-teacher-repository.ts';
import * as links from '../src/server/data/link-repository.ts';
import * as shares from '../src/server/data/share-repository.ts';
import { migrateToLatest } from '../src/server/data/migrate.ts';
import { MIGRATIONS } from '../src/server/data/migrations/index.ts';
import * as sessions from '../src/server/data/session-repository.ts';
import * as students from '../src/server/data/session-student-repository.ts';
import type { WebTables } from '../src/server/data/tables.ts';
import * as uploads from '../src/server/data/upload-repository.ts';
import { databaseBackends } from './support/database-backends.ts';

const deck = (title: string, slides = 1): Deck =>
  deckSchema.parse({
    title,
    slides: Array.from({ length: slides }, (_, i) => ({ id: `s${i}`, title: `Slide ${i + 1}` })),
  });

const session = (id: string, joinCode: string, createdAt: number): sessions.SessionRecord => ({
  id,
  deckId: null,
  title: `Session ${id}`,
  joinCode,
  teacherToken: `token-${id}`,
  createdAt,
});

const BACKENDS = databaseBackends('repo');

for (const backend of BACKENDS) {
  describe(`web repositories on ${backend.name}`, () => {
    let db: Kysely<WebTables>;
    const opened: Kysely<WebTables>[] = [];
    const open = (target: DatabaseTarget) => {
      const instance = openDatabase(target);
      opened.push(instance);
      return instance;
    };

    before(async () => {
      await backend.start();
      db = open(await backend.target('contract'));
      await migrateToLatest(db);
    });
    after(async () => {
      for (const instance of opened) await instance.destroy();
      backend.stop();
    });

    describe('migrations', () => {
      it('apply every migration once, in order, and nothing on the next start', async () => {
        const fresh = open(await backend.target('fresh'));
        assert.deepEqual(await migrateToLatest(fresh), Object.keys(MIGRATIONS));
        assert.deepEqual(await migrateToLatest(fresh), []);
      });

      if (backend.processes === 'many')
        it('run once when several processes start together', async () => {
          // Three web replicas, each with its own pool, on the same new database.
          const target = await backend.target('together');
          const all = [open(target), open(target), open(target)];
          const applied = await Promise.all(all.map((instance) => migrateToLatest(instance)));
          assert.deepEqual(applied.flat().sort(), Object.keys(MIGRATIONS).sort());
        });
      else
        it('leave nothing to do for the next process on the same file', async () => {
          const target = await backend.target('restart');
          assert.deepEqual(await migrateToLatest(open(target)), Object.keys(MIGRATIONS));
          assert.deepEqual(await migrateToLatest(open(target)), []);
        });
    });

    describe('decks', () => {
      it("keeps each teacher's decks to that teacher", async () => {
        const mine = await decks.insertDeck(db, 'teacher-a', 'd-a1', deck('Fractions', 3), 1_000);
        await decks.insertDeck(db, 'teacher-b', 'd-b1', deck('Verbs'), 1_000);
        assert.deepEqual(await decks.getDeck(db, 'teacher-a', 'd-a1'), mine);
        assert.equal(await decks.getDeck(db, 'teacher-b', 'd-a1'), null);
        assert.equal(
          await decks.updateDeck(db, 'teacher-b', 'd-a1', deck('Hijacked'), 2_000),
          false,
        );
        assert.equal(await decks.deleteDeck(db, 'teacher-b', 'd-a1'), false);
        assert.equal((await decks.getDeck(db, 'teacher-a', 'd-a1'))?.deck.title, 'Fractions');
      });

      it('lists a teacher’s decks newest change first, with their slide counts', async () => {
        const t = 'teacher-list';
        await decks.insertDeck(db, t, 'l1', deck('Old', 2), 1_700_000_000_001);
        await decks.insertDeck(db, t, 'l2', deck('New', 5), 1_700_000_000_002);
        assert.deepEqual(await decks.listDecks(db, t), [
          { id: 'l2', title: 'New', slideCount: 5, updatedAt: 1_700_000_000_002 },
          { id: 'l1', title: 'Old', slideCount: 2, updatedAt: 1_700_000_000_001 },
        ]);
        assert.equal(
          await decks.updateDeck(db, t, 'l1', deck('Old, edited'), 1_800_000_000_000),
          true,
        );
        const [first] = await decks.listDecks(db, t);
        assert.deepEqual(first, {
          id: 'l1',
          title: 'Old, edited',
          slideCount: 1,
          updatedAt: 1_800_000_000_000,
        });
        assert.equal(typeof first?.updatedAt, 'number', 'times come back as numbers');
        assert.deepEqual(await decks.listDecks(db, 'nobody'), []);
      });

      it('keeps any text a deck holds, byte for byte', async () => {
        const title = 'Fracciones ½ — ✓ 🚀 العربية 中文 "quoted" \\ back\'slash';
        await decks.insertDeck(db, 'teacher-text', 'u1', deck(title), 5);
        assert.equal((await decks.getDeck(db, 'teacher-text', 'u1'))?.deck.title, title);
      });

      it('deletes a deck for good', async () => {
        await decks.insertDeck(db, 'teacher-del', 'x1', deck('Gone'), 5);
        assert.equal(await decks.deleteDeck(db, 'teacher-del', 'x1'), true);
        assert.equal(await decks.getDeck(db, 'teacher-del', 'x1'), null);
        assert.equal(await decks.deleteDeck(db, 'teacher-del', 'x1'), false);
      });
    });

    describe('session library', () => {
      it("keeps each teacher's sessions to that teacher, newest first", async () => {
        await sessions.insertSession(db, 'ta', session('s1', 'ABC123', 1_000), 'socket');
        await sessions.insertSession(db, 'ta', session('s2', 'DEF456', 2_000), 'firebase');
        await sessions.insertSession(db, 'tb', session('s3', 'GHI789', 3_000), 'socket');
        assert.deepEqual(
          (await sessions.listSessions(db, 'ta')).map((s) => s.id),
          ['s2', 's1'],
        );
        assert.deepEqual(await sessions.getSession(db, 'ta', 's1'), session('s1', 'ABC123', 1_000));
        assert.equal(await sessions.getSession(db, 'tb', 's1'), null);
        await sessions.deleteSession(db, 'tb', 's1');
        assert.ok(
          await sessions.getSession(db, 'ta', 's1'),
          "another teacher's delete does nothing",
        );
        await sessions.deleteSession(db, 'ta', 's1');
        assert.equal(await sessions.getSession(db, 'ta', 's1'), null);
      });

      it(`lists at most ${sessions.SESSION_LIBRARY_LIMIT}`, async () => {
        for (let i = 0; i < sessions.SESSION_LIBRARY_LIMIT + 5; i++)
          await sessions.insertSession(db, 'busy', session(`busy-${i}`, 'BUSY00', i), 'socket');
        const listed = await sessions.listSessions(db, 'busy');
        assert.equal(listed.length, sessions.SESSION_LIBRARY_LIMIT);
        assert.equal(listed[0]?.id, `busy-${sessions.SESSION_LIBRARY_LIMIT + 4}`);
      });

      it('remembers a transport switch, and a join code starts on its newest session’s', async () => {
        await sessions.insertSession(db, 'tt', session('old', 'REUSED', 1_000), 'firebase');
        await sessions.insertSession(db, 'tt', session('new', 'REUSED', 2_000), 'socket');
        assert.deepEqual(await sessions.joinSettingsOfCode(db, 'REUSED'), {
          sessionId: 'new',
          transport: 'socket',
          studentSignIn: false,
        });
        assert.equal(await sessions.setSessionTransport(db, 'other', 'new', 'firebase'), false);
        assert.equal(await sessions.setSessionTransport(db, 'tt', 'new', 'firebase'), true);
        assert.equal((await sessions.joinSettingsOfCode(db, 'REUSED'))?.transport, 'firebase');
        assert.equal(await sessions.joinSettingsOfCode(db, 'NOSUCH'), null);
      });

      it('remembers that a session’s students sign in', async () => {
        await sessions.insertSession(db, 'tt', session('signed', 'SIGNIN', 3_000), 'socket', true);
        assert.equal((await sessions.joinSettingsOfCode(db, 'SIGNIN'))?.studentSignIn, true);
      });

      it('keeps a homework’s due time, to the millisecond, and its changes', async () => {
        // Milliseconds need more than 32 bits: a bigint column, read back as a number.
        const dueAt = Date.UTC(2026, 11, 12, 23, 59, 30, 123);
        await sessions.insertSession(
          db,
          'td',
          { ...session('hw', 'HOMEWK', 4_000), dueAt },
          'socket',
        );
        assert.equal((await sessions.getSession(db, 'td', 'hw'))?.dueAt, dueAt);
        assert.equal(await sessions.setSessionDueAt(db, 'other', 'hw', null), false);
        assert.equal(await sessions.setSessionDueAt(db, 'td', 'hw', dueAt + 60_000), true);
        assert.equal((await sessions.listSessions(db, 'td'))[0]?.dueAt, dueAt + 60_000);
        assert.equal(await sessions.setSessionDueAt(db, 'td', 'hw', null), true);
        assert.deepEqual(await sessions.getSession(db, 'td', 'hw'), session('hw', 'HOMEWK', 4_000));
      });
    });

    describe('uploads', () => {
      const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0xff, 0x00]);

      it('stores bytes under their name once and gives them back exactly', async () => {
        const name = `${'c'.repeat(64)}.png`;
        await uploads.putUpload(db, { name, contentType: 'image/png', bytes: png }, 1);
        await uploads.putUpload(db, { name, contentType: 'image/png', bytes: png }, 2);
        const stored = await uploads.getUpload(db, name);
        assert.ok(stored);
        assert.equal(stored.contentType, 'image/png');
        assert.ok(Buffer.isBuffer(stored.bytes));
        assert.deepEqual(stored.bytes, png);
        assert.equal(await uploads.getUpload(db, `${'d'.repeat(64)}.png`), null);
      });

      it('tells which of many names are stored', async () => {
        const names = Array.from(
          { length: 1_203 },
          (_, i) => `${i.toString(16).padStart(64, '0')}.gif`,
        );
        for (const name of [names[0]!, names[700]!, names[1_202]!])
          await uploads.putUpload(db, { name, contentType: 'image/gif', bytes: png }, 1);
        assert.deepEqual(
          [...(await uploads.storedUploadNames(db, names))].sort(),
          [names[0], names[700], names[1_202]].sort(),
        );
        assert.deepEqual(await uploads.storedUploadNames(db, []), new Set());
      });
    });

    describe('accounts', () => {
      const account = (id: string, email: string, role: 'teacher' | 'admin' = 'teacher') => ({
        id,
        email,
        name: `Name ${id}`,
        role,
        passwordHash: `$argon2id$fake-${id}`,
        createdAt: 1_700_000_000_000,
      });

      it('keeps one account per address, whatever its case', async () => {
        assert.equal(await accounts.insertAccount(db, account('a1', 'Ada@School.test')), true);
        assert.equal(await accounts.insertAccount(db, account('a2', 'ada@school.TEST ')), false);
        const found = await accounts.findAccountByEmail(db, 'ADA@school.test');
        assert.equal(found?.id, 'a1');
        assert.equal(found?.email, 'ada@school.test');
        assert.deepEqual(await accounts.getAccount(db, 'a1'), found);
        assert.equal(found?.sessionsValidAfter, 0);
        assert.equal(found?.disabledAt, null);
        assert.equal(await accounts.getAccount(db, 'a2'), null);
      });

      it('finds and links a school sign-in identity', async () => {
        await accounts.insertAccount(db, {
          ...account('o1', 'oidc@school.test'),
          oidc: { issuer: 'https://idp.test', subject: 'sub-1' },
        });
        assert.equal((await accounts.findAccountByOidc(db, 'https://idp.test', 'sub-1'))?.id, 'o1');
        assert.equal(await accounts.findAccountByOidc(db, 'https://other.test', 'sub-1'), null);
        await accounts.insertAccount(db, account('o2', 'later@school.test'));
        await accounts.linkOidcIdentity(db, 'o2', 'https://idp.test', 'sub-2');
        assert.equal((await accounts.findAccountByOidc(db, 'https://idp.test', 'sub-2'))?.id, 'o2');
      });

      it('disables, enables, changes roles and passwords, and ends sign-ins', async () => {
        await accounts.insertAccount(db, account('c1', 'change@school.test'));
        assert.equal(await accounts.setDisabled(db, 'c1', 5_000), true);
        assert.equal((await accounts.getAccount(db, 'c1'))?.disabledAt, 5_000);
        assert.equal(await accounts.setDisabled(db, 'c1', null), true);
        assert.equal((await accounts.getAccount(db, 'c1'))?.disabledAt, null);
        assert.equal(await accounts.setRole(db, 'c1', 'admin'), true);
        assert.equal((await accounts.getAccount(db, 'c1'))?.role, 'admin');
        assert.equal(await accounts.setPasswordHash(db, 'c1', 'new-hash', 7_000), true);
        const changed = await accounts.getAccount(db, 'c1');
        assert.equal(changed?.passwordHash, 'new-hash');
        assert.equal(changed?.sessionsValidAfter, 7_000, 'a new password ends earlier sign-ins');
        await accounts.endSessionsBefore(db, 'c1', 9_000);
        await accounts.recordSignIn(db, 'c1', 9_500);
        const after = await accounts.getAccount(db, 'c1');
        assert.equal(after?.sessionsValidAfter, 9_000);
        assert.equal(after?.lastSignInAt, 9_500);
        assert.equal(await accounts.setDisabled(db, 'nobody', 1), false);
        assert.equal(await accounts.setRole(db, 'nobody', 'admin'), false);
      });

      it("keeps a teacher's interface language (none until chosen)", async () => {
        await accounts.insertAccount(db, account('l1', 'language@school.test'));
        assert.equal((await accounts.getAccount(db, 'l1'))?.language, null);
        assert.equal(await accounts.setLanguage(db, 'l1', 'es'), true);
        assert.equal((await accounts.getAccount(db, 'l1'))?.language, 'es');
        assert.equal(await accounts.setLanguage(db, 'nobody', 'es'), false);
      });

      it('counts accounts and enabled admins, and lists usage without answers', async () => {
        const fresh = open(await backend.target('usage'));
        await migrateToLatest(fresh);
        assert.equal(await accounts.countAccounts(fresh), 0);
        await accounts.insertAccount(fresh, account('u-admin', 'admin@school.test', 'admin'));
        await accounts.insertAccount(fresh, account('u-off', 'off@school.test', 'admin'));
        await accounts.insertAccount(fresh, account('u-t', 'teacher@school.test'));
        await accounts.setDisabled(fresh, 'u-off', 1);
        assert.equal(await accounts.countAccounts(fresh), 3);
        assert.equal(await accounts.countActiveAdmins(fresh), 1);
        await decks.insertDeck(fresh, 'u-t', 'ud1', deck('One'), 1);
        await decks.insertDeck(fresh, 'u-t', 'ud2', deck('Two'), 1);
        await sessions.insertSession(fresh, 'u-t', session('us1', 'USAGE1', 1), 'socket');
        const usage = await accounts.listAccountsWithUsage(fresh);
        assert.deepEqual(
          usage.map((u) => [u.email, u.decks, u.sessions]),
          [
            ['admin@school.test', 0, 0],
            ['off@school.test', 0, 0],
            ['teacher@school.test', 2, 1],
          ],
        );
      });

      it("gives the pre-accounts teacher's decks and sessions to the owner", async () => {
        const fresh = open(await backend.target('adopt'));
        await migrateToLatest(fresh);
        await decks.insertDeck(fresh, accounts.LEGACY_LOCAL_TEACHER, 'old-deck', deck('Old'), 1);
        await decks.insertDeck(fresh, 'someone-else', 'their-deck', deck('Theirs'), 1);
        await sessions.insertSession(
          fresh,
          accounts.LEGACY_LOCAL_TEACHER,
          session('old-session', 'OLD123', 1),
          'socket',
        );
        await accounts.adoptLegacyTeacherData(fresh, 'owner');
        assert.deepEqual(
          (await decks.listDecks(fresh, 'owner')).map((d) => d.id),
          ['old-deck'],
        );
        assert.equal(
          (await sessions.getSession(fresh, 'owner', 'old-session'))?.joinCode,
          'OLD123',
        );
        assert.deepEqual(await decks.listDecks(fresh, accounts.LEGACY_LOCAL_TEACHER), []);
        assert.equal((await decks.listDecks(fresh, 'someone-else')).length, 1);
      });
    });

    describe('one-time links', () => {
      const link = (
        tokenHash: string,
        expiresAt: number,
        extra: Partial<links.OneTimeLink> = {},
      ) => ({
        tokenHash,
        purpose: 'invitation' as const,
        email: `${tokenHash}@school.test`,
        role: 'teacher' as const,
        accountId: null,
        createdBy: 'admin',
        createdAt: 1_000,
        expiresAt,
        ...extra,
      });

      it('is used once, never after it expires, and reads without being used', async () => {
        await links.insertLink(db, link('h-once', 10_000));
        assert.equal(
          (await links.findUsableLink(db, 'h-once', 5_000))?.email,
          'h-once@school.test',
        );
        assert.equal(await links.findUsableLink(db, 'h-once', 10_000), null, 'expired at its time');
        const used = await links.consumeLink(db, 'h-once', 5_000);
        assert.equal(used?.usedAt, 5_000);
        assert.equal(used?.role, 'teacher');
        assert.equal(await links.consumeLink(db, 'h-once', 5_001), null);
        assert.equal(await links.findUsableLink(db, 'h-once', 5_001), null);
        await links.insertLink(db, link('h-late', 10_000));
        assert.equal(await links.consumeLink(db, 'h-late', 10_001), null);
        assert.equal(await links.consumeLink(db, 'h-unknown', 1), null);
      });

      it('goes to exactly one of many requests racing with it', async () => {
        await links.insertLink(db, link('h-race', 10_000));
        const results = await Promise.all(
          Array.from({ length: 8 }, () => links.consumeLink(db, 'h-race', 2_000)),
        );
        assert.equal(results.filter(Boolean).length, 1);
      });

      it('lists pending ones and revokes them one by one or by purpose', async () => {
        const fresh = open(await backend.target('links'));
        await migrateToLatest(fresh);
        await links.insertLink(fresh, link('p1', 10_000, { createdAt: 1 }));
        await links.insertLink(fresh, link('p2', 10_000, { createdAt: 2 }));
        await links.insertLink(fresh, link('p3', 3_000, { createdAt: 3 }));
        await links.insertLink(
          fresh,
          link('r1', 10_000, { purpose: 'password-reset', accountId: 'acc', email: null }),
        );
        await links.insertLink(
          fresh,
          link('r2', 10_000, { purpose: 'password-reset', accountId: 'other', email: null }),
        );
        assert.deepEqual(
          (await links.listPendingLinks(fresh, 'invitation', 4_000)).map((l) => l.tokenHash),
          ['p2', 'p1'],
        );
        assert.equal(await links.revokeLink(fresh, 'p2', 4_000), true);
        assert.equal(await links.revokeLink(fresh, 'p2', 4_000), false);
        assert.equal(await links.consumeLink(fresh, 'p2', 4_001), null);
        await links.revokeLinks(fresh, 'password-reset', 4_000, 'acc');
        assert.equal(await links.findUsableLink(fresh, 'r1', 4_001), null);
        assert.ok(await links.findUsableLink(fresh, 'r2', 4_001), "another account's stays");
        await links.revokeLinks(fresh, 'invitation', 4_000);
        assert.deepEqual(await links.listPendingLinks(fresh, 'invitation', 4_001), []);
      });
    });

    describe('sharing and co-teaching', () => {
      let fresh: Kysely<WebTables>;
      const person = (id: string, name: string) => ({
        id,
        email: `${id}@school.test`,
        name,
        role: 'teacher' as const,
        passwordHash: null,
        createdAt: 1,
      });

      before(async () => {
        fresh = open(await backend.target('sharing'));
        await migrateToLatest(fresh);
        for (const [id, name] of [
          ['owner', 'Olive'],
          ['bea', 'Bea'],
          ['cy', 'Cy'],
        ] as const)
          await accounts.insertAccount(fresh, person(id, name));
        await decks.insertDeck(fresh, 'owner', 'shared-deck', deck('Shared', 2), 10);
        await decks.insertDeck(fresh, 'owner', 'private-deck', deck('Private'), 20);
      });

      it('shares a deck per account, changes and ends a share, and lists both sides', async () => {
        assert.equal(await decks.deckOwner(fresh, 'shared-deck'), 'owner');
        assert.equal(await decks.deckOwner(fresh, 'nope'), null);
        const share = { deckId: 'shared-deck', sharedBy: 'owner' };
        await shares.putDeckShare(fresh, { ...share, accountId: 'bea', permission: 'view' }, 30);
        await shares.putDeckShare(fresh, { ...share, accountId: 'cy', permission: 'view' }, 30);
        await shares.putDeckShare(fresh, { ...share, accountId: 'bea', permission: 'edit' }, 40);
        assert.equal(await shares.deckShareOf(fresh, 'shared-deck', 'bea'), 'edit');
        assert.equal(await shares.deckShareOf(fresh, 'private-deck', 'bea'), null);
        assert.deepEqual(await shares.listDeckShares(fresh, 'shared-deck'), [
          { accountId: 'bea', email: 'bea@school.test', name: 'Bea', permission: 'edit' },
          { accountId: 'cy', email: 'cy@school.test', name: 'Cy', permission: 'view' },
        ]);
        assert.deepEqual(await shares.listDecksSharedWith(fresh, 'bea'), [
          {
            id: 'shared-deck',
            title: 'Shared',
            slideCount: 2,
            updatedAt: 10,
            permission: 'edit',
            ownerName: 'Olive',
          },
        ]);
        assert.equal(await shares.deleteDeckShare(fresh, 'shared-deck', 'cy'), true);
        assert.equal(await shares.deleteDeckShare(fresh, 'shared-deck', 'cy'), false);
        assert.deepEqual(await shares.listDecksSharedWith(fresh, 'cy'), []);
      });

      it("deleting a deck ends its shares; another teacher's delete does nothing", async () => {
        await decks.insertDeck(fresh, 'owner', 'doomed', deck('Doomed'), 50);
        await shares.putDeckShare(
          fresh,
          { deckId: 'doomed', accountId: 'bea', permission: 'edit', sharedBy: 'owner' },
          51,
        );
        assert.equal(await decks.deleteDeck(fresh, 'bea', 'doomed'), false);
        assert.equal(await shares.deckShareOf(fresh, 'doomed', 'bea'), 'edit');
        assert.equal(await decks.deleteDeck(fresh, 'owner', 'doomed'), true);
        assert.equal(await shares.deckShareOf(fresh, 'doomed', 'bea'), null);
      });

      it('adds co-teachers once, lists them and their sessions, and removes them', async () => {
        await sessions.insertSession(fresh, 'owner', session('live-1', 'LIVE01', 100), 'socket');
        await sessions.insertSession(fresh, 'owner', session('live-2', 'LIVE02', 200), 'socket');
        assert.deepEqual(await sessions.getSessionWithOwner(fresh, 'live-1'), {
          ownerId: 'owner',
          session: session('live-1', 'LIVE01', 100),
        });
        assert.equal(await sessions.getSessionWithOwner(fresh, 'nope'), null);
        assert.equal(await coTeachers.addCoTeacher(fresh, 'live-1', 'bea', 'owner', 110), true);
        assert.equal(await coTeachers.addCoTeacher(fresh, 'live-1', 'bea', 'owner', 111), false);
        await coTeachers.addCoTeacher(fresh, 'live-1', 'cy', 'owner', 120);
        await coTeachers.addCoTeacher(fresh, 'live-2', 'bea', 'owner', 210);
        assert.equal(await coTeachers.isCoTeacher(fresh, 'live-1', 'bea'), true);
        assert.equal(await coTeachers.isCoTeacher(fresh, 'live-1', 'owner'), false);
        assert.deepEqual(await coTeachers.listCoTeachers(fresh, 'live-1'), [
          { accountId: 'bea', email: 'bea@school.test', name: 'Bea' },
          { accountId: 'cy', email: 'cy@school.test', name: 'Cy' },
        ]);
        assert.deepEqual(
          (await coTeachers.listCoTaughtSessions(fresh, 'bea')).map((s) => [s.id, s.ownerName]),
          [
            ['live-2', 'Olive'],
            ['live-1', 'Olive'],
          ],
        );
        assert.equal(await coTeachers.removeCoTeacher(fresh, 'live-1', 'cy'), true);
        assert.equal(await coTeachers.removeCoTeacher(fresh, 'live-1', 'cy'), false);
        await sessions.deleteSession(fresh, 'owner', 'live-2');
        assert.deepEqual(
          (await coTeachers.listCoTaughtSessions(fresh, 'bea')).map((s) => s.id),
          ['live-1'],
          "a deleted session's co-teachers go with it",
        );
      });

      it('names accounts by id for an audit trail', async () => {
        const names = await accounts.accountNames(fresh, ['bea', 'cy', 'bea', 'gone']);
        assert.deepEqual([...names.entries()].sort(), [
          ['bea', 'Bea'],
          ['cy', 'Cy'],
        ]);
        assert.equal((await accounts.accountNames(fresh, [])).size, 0);
      });
    });

    describe('students who signed in', () => {
      let fresh: Kysely<WebTables>;
      before(async () => {
        fresh = open(await backend.target('session_students'));
        await migrateToLatest(fresh);
        await sessions.insertSession(fresh, 'tt', session('class', 'CLASS1', 1), 'socket', true);
      });

      it('keeps one student per address, whichever device signs in first', async () => {
        const first = await students.claimSessionStudent(
          fresh,
          'class',
          { studentId: 'st-1', email: 'Ada@Students.School.test', name: 'Ada' },
          10,
        );
        assert.deepEqual(first, {
          student: { studentId: 'st-1', email: 'ada@students.school.test', name: 'Ada' },
          created: true,
        });
        const again = await students.claimSessionStudent(
          fresh,
          'class',
          { studentId: 'st-2', email: 'ada@students.school.test', name: 'Ada L.' },
          20,
        );
        assert.deepEqual(again, { student: first.student, created: false });
        // Two devices at once: both end up as the same student.
        const racing = await Promise.all(
          ['r-1', 'r-2', 'r-3'].map((studentId) =>
            students.claimSessionStudent(
              fresh,
              'class',
              { studentId, email: 'bo@students.school.test', name: 'Bo' },
              30,
            ),
          ),
        );
        assert.equal(new Set(racing.map((r) => r.student.studentId)).size, 1);
        assert.equal(racing.filter((r) => r.created).length, 1);
      });

      it('lists addresses by student, forgets a refused one, and goes with the session', async () => {
        await students.claimSessionStudent(
          fresh,
          'class',
          { studentId: 'st-3', email: 'cy@students.school.test', name: 'Cy' },
          40,
        );
        await students.releaseSessionStudent(fresh, 'class', 'st-3');
        const emails = await students.sessionStudentEmails(fresh, 'class');
        assert.equal(emails.get('st-1'), 'ada@students.school.test');
        assert.equal(emails.has('st-3'), false);
        assert.equal((await students.sessionStudentEmails(fresh, 'other')).size, 0);
        await sessions.deleteSession(fresh, 'someone-else', 'class');
        assert.equal((await students.sessionStudentEmails(fresh, 'class')).size, 2);
        await sessions.deleteSession(fresh, 'tt', 'class');
        assert.equal((await students.sessionStudentEmails(fresh, 'class')).size, 0);
      });
    });
  });
}
