import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { webConfig } from './config.ts';

const SCHEMA = `
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
  -- How students of this session sync: 'socket' (our realtime tier) or 'firebase'.
  transport TEXT NOT NULL DEFAULT 'socket'
);
CREATE INDEX IF NOT EXISTS sessions_teacher ON sessions (teacher_id, created_at);
CREATE INDEX IF NOT EXISTS sessions_join_code ON sessions (join_code, created_at);
`;

/** Columns added after a data folder may already exist: added in place, defaults for old rows. */
function migrate(conn: Database.Database): void {
  const columns = conn
    .prepare<[], { name: string }>("SELECT name FROM pragma_table_info('sessions')")
    .all();
  if (columns.length > 0 && !columns.some((c) => c.name === 'transport'))
    conn.exec("ALTER TABLE sessions ADD COLUMN transport TEXT NOT NULL DEFAULT 'socket'");
}

const globalForDb = globalThis as unknown as { classpulseWebDb?: Database.Database };

/** One connection per process (kept on globalThis so dev reloads do not open more). */
export function db(): Database.Database {
  if (!globalForDb.classpulseWebDb) {
    const path = webConfig().sqlitePath;
    mkdirSync(dirname(path), { recursive: true });
    const conn = new Database(path);
    conn.pragma('journal_mode = WAL');
    conn.pragma('synchronous = FULL');
    migrate(conn);
    conn.exec(SCHEMA);
    globalForDb.classpulseWebDb = conn;
  }
  return globalForDb.classpulseWebDb;
}
