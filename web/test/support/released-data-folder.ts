import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';

/** The schema web/src/server/db.ts created until migrations (release 4dec300), verbatim. */
export const RELEASED_SCHEMA = `
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

export const RELEASED_DECK = JSON.stringify({
  title: 'Photosynthesis',
  slides: [
    { id: 'a', title: 'Light' },
    { id: 'b', title: 'Water' },
  ],
});

/** Writes a web.sqlite as an older release did, with one deck and one session of `local`. */
export function writeReleasedDatabase(
  path: string,
  schema = RELEASED_SCHEMA,
  withTransport = true,
): void {
  const old = new Database(path);
  old.pragma('journal_mode = WAL');
  old.exec(schema);
  old
    .prepare('INSERT INTO decks VALUES (?, ?, ?, ?, ?, ?)')
    .run('deck-1', 'local', 'Photosynthesis', RELEASED_DECK, 1_700_000_000_000, 1_700_000_000_500);
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
}

/**
 * A data folder as the last release before accounts left it: web.sqlite with the single local
 * teacher's deck "Photosynthesis" and session PLANTS, and the shared teacher secret.
 */
export function writeReleasedDataFolder(dataDir: string): void {
  mkdirSync(join(dataDir, 'secrets'), { recursive: true, mode: 0o700 });
  writeFileSync(join(dataDir, 'secrets', 'teacher-secret'), 'abcde-fghjk-mnpqr-stuvw\n', {
    mode: 0o600,
  });
  writeReleasedDatabase(join(dataDir, 'web.sqlite'));
}
