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
import { openDatabase } from '../src/server/data/connect.ts';
import { getDeck, listDecks } from '../src/server/data/deck-repository.ts';
import { migrateToLatest } from '../src/server/data/migrate.ts';
import { MIGRATIONS } from '../src/server/data/migrations/index.ts';
import { joinSettingsOfCode, listSessions } from '../src/server/data/session-repository.ts';
import { RELEASED_SCHEMA, writeReleasedDatabase } from './support/released-data-folder.ts';

const folder = mkdtempSync(join(tmpdir(), 'classpulse-upgrade-'));
after(() => rmSync(folder, { recursive: true, force: true }));

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
      const path = join(folder, `${release.name.replace(/\W+/g, '-')}.sqlite`);
      writeReleasedDatabase(path, release.schema, release.transport);
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
          (await joinSettingsOfCode(db, 'PLANTS'))?.transport,
          release.transport ? 'firebase' : 'socket',
        );
        assert.deepEqual(await migrateToLatest(db), [], 'and is current afterwards');
      } finally {
        await db.destroy();
      }
    });
});
