/**
 * A data folder written before the web tier had migrations opens in place: its tables are adopted
 * by the first migration (created only if missing), an old `sessions` table gains `transport`, and
 * every deck and session reads back through the repositories.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { openDatabase } from '../src/server/data/connect.ts';
import { getDeck, listDecks } from '../src/server/data/deck-repository.ts';
import { migrateToLatest } from '../src/server/data/migrate.ts';
import { MIGRATIONS } from '../src/server/data/migrations/index.ts';
import { listSessions, transportOfJoinCode } from '../src/server/data/session-repository.ts';

/** The schema web/src/server/db.ts created until migrations (release 4dec300), verbatim. */
const RELEASED_SCHEMA = `
CREATE TABLE IF NOT EXISTS decks (
  id TEXT PRIMARY KEY,
  teacher_id TEXT NOT NULL,
  title TEXT NOT NULL,
  deck TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS decks_teacher ON decks (teacher_id, updated_at);
CREATE TABLE IF NOT EXISTS sessions (
  id TEXT PRIMARY KEY,
  teacher_id TEXT NOT NULL,
  deck_id TEXT,
  title TEXT NOT NULL,
  join_code TEXT NOT NULL,
  teacher_token TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  transport TEXT NOT NULL DEFAULT 'socket'
);
CREATE INDEX IF NOT EXISTS sessions_teacher ON sessions (teacher_id, created_at);
CREATE INDEX IF NOT EXISTS sessions_join_code ON sessions (join_code, created_at);
`;

const DECK = JSON.stringify({
  title: 'Photosynthesis',
  slides: [
    { id: 'a', title: 'Light' },
    { id: 'b', title: 'Water' },
  ],
});

const folder = mkdtempSync(join(tmpdir(), 'classpulse-upgrade-'));
after(() => rmSync(folder, { recursive: true, force: true }));

/** Writes a web.sqlite as an older release did, with one deck and one session of `local`. */
function writeOldFolder(name: string, schema: string, withTransport: boolean): string {
  const path = join(folder, `${name}.sqlite`);
  const old = new Database(path);
  old.pragma('journal_mode = WAL');
  old.exec(schema);
  old
    .prepare('INSERT INTO decks VALUES (?, ?, ?, ?, ?, ?)')
    .run('deck-1', 'local', 'Photosynthesis', DECK, 1_700_000_000_000, 1_700_000_000_500);
  const columns = 'id, teacher_id, deck_id, title, join_code, teacher_token, created_at';
  const values = [
    'sess-1',
    'local',
    'deck-1',
    'Photosynthesis',
    'PLANTS',
    'tok',
    1_700_000_001_000,
  ];
  if (withTransport)
    old
      .prepare(`INSERT INTO sessions (${columns}, transport) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`)
      .run(...values, 'firebase');
  else old.prepare(`INSERT INTO sessions (${columns}) VALUES (?, ?, ?, ?, ?, ?, ?)`).run(...values);
  old.close();
  return path;
}

describe('a data folder from before migrations', () => {
  for (const release of [
    { name: 'the last release', schema: RELEASED_SCHEMA, transport: true },
    {
      name: 'a release before the Firebase transport',
      schema: RELEASED_SCHEMA.replace(",\n  transport TEXT NOT NULL DEFAULT 'socket'", ''),
      transport: false,
    },
  ])
    it(`opens in place: ${release.name}`, async () => {
      const path = writeOldFolder(
        release.name.replace(/\W+/g, '-'),
        release.schema,
        release.transport,
      );
      const db = openDatabase({ dialect: 'sqlite', path });
      try {
        assert.deepEqual(await migrateToLatest(db), Object.keys(MIGRATIONS));
        assert.deepEqual(await listDecks(db, 'local'), [
          { id: 'deck-1', title: 'Photosynthesis', slideCount: 2, updatedAt: 1_700_000_000_500 },
        ]);
        assert.equal((await getDeck(db, 'local', 'deck-1'))?.deck.slides[1]?.title, 'Water');
        const [session] = await listSessions(db, 'local');
        assert.equal(session?.joinCode, 'PLANTS');
        assert.equal(session?.createdAt, 1_700_000_001_000);
        assert.equal(
          await transportOfJoinCode(db, 'PLANTS'),
          release.transport ? 'firebase' : 'socket',
        );
        assert.deepEqual(await migrateToLatest(db), [], 'and is current afterwards');
      } finally {
        await db.destroy();
      }
    });
});
