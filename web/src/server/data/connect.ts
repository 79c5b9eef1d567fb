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

/** What the process wants to know about its database (metrics); all optional. */
export interface DatabaseHooks {
  /** Every query, with its time and whether it failed. */
  onQuery?(durationMs: number, failed: boolean): void;
}

export interface PoolStats {
  total: number;
  idle: number;
  waiting: number;
}

const pools = new WeakMap<Kysely<WebTables>, pg.Pool>();

/** PostgreSQL's pool of this instance right now; null on SQLite (one connection, no pool). */
export function poolStats(db: Kysely<WebTables>): PoolStats | null {
  const pool = pools.get(db);
  return pool ? { total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount } : null;
}

/** A Kysely instance for the target; the one place that knows which driver a dialect uses. */
export function openDatabase(target: DatabaseTarget, hooks: DatabaseHooks = {}): Kysely<WebTables> {
  const log = hooks.onQuery
    ? (event: { level: 'query' | 'error'; queryDurationMillis: number }) =>
        hooks.onQuery?.(event.queryDurationMillis, event.level === 'error')
    : undefined;
  if (target.dialect === 'sqlite') {
    mkdirSync(dirname(target.path), { recursive: true });
    const connection = new Database(target.path);
    connection.pragma('journal_mode = WAL');
    connection.pragma('synchronous = FULL');
    // Another process (an old web tier, a backup) may hold the write lock for a moment.
    connection.pragma('busy_timeout = 5000');
    // A deleted row (a student's address after an erasure, a session past retention) is
    // overwritten, not left readable in the file's free pages.
    connection.pragma('secure_delete = ON');
    return new Kysely({
      dialect: new SqliteDialect({ database: connection }),
      ...(log ? { log } : {}),
    });
  }
  const pool = new pg.Pool({
    connectionString: target.url,
    max: target.poolMax,
    types,
    // A pod that cannot reach its database fails readiness instead of hanging requests.
    connectionTimeoutMillis: 5_000,
  });
  const db = new Kysely<WebTables>({
    dialect: new PostgresDialect({ pool }),
    ...(log ? { log } : {}),
  });
  pools.set(db, pool);
  return db;
}
