import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { WebTables } from './tables.ts';

/** Where the web tier's data lives: a SQLite file (embedded default) or PostgreSQL. */
export type DatabaseTarget =
  { dialect: 'sqlite'; path: string } | { dialect: 'postgres'; url: string; poolMax: number };

const INT8_OID = 20;

/**
 * PostgreSQL's `bigint` (our millisecond times) arrives as text by default, because it can exceed
 * a JavaScript number; ours never do, so it is read as a number, checked.
 */
function parseSafeInteger(value: string): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n)) throw new Error(`bigint ${value} is not a safe integer`);
  return n;
}

const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8_OID
      ? parseSafeInteger
      : (pg.types.getTypeParser(oid, format ?? 'text') as (
          value: string,
        ) => unknown)) as typeof pg.types.getTypeParser,
};

/** A Kysely instance for the target; the one place that knows which driver a dialect uses. */
export function openDatabase(target: DatabaseTarget): Kysely<WebTables> {
  if (target.dialect === 'sqlite') {
    mkdirSync(dirname(target.path), { recursive: true });
    const connection = new Database(target.path);
    connection.pragma('journal_mode = WAL');
    connection.pragma('synchronous = FULL');
    // Another process (an old web tier, a backup) may hold the write lock for a moment.
    connection.pragma('busy_timeout = 5000');
    return new Kysely({ dialect: new SqliteDialect({ database: connection }) });
  }
  const pool = new pg.Pool({
    connectionString: target.url,
    max: target.poolMax,
    types,
    // A pod that cannot reach its database fails readiness instead of hanging requests.
    connectionTimeoutMillis: 5_000,
  });
  return new Kysely({ dialect: new PostgresDialect({ pool }) });
}
