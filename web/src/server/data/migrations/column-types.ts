import { PostgresAdapter, sql, type Kysely, type RawBuilder } from 'kysely';

/** Raw bytes: `bytea` on PostgreSQL, `blob` on SQLite (the one type the two spell differently). */
export function bytesType(db: Kysely<unknown>): RawBuilder<unknown> {
  return db.getExecutor().adapter instanceof PostgresAdapter ? sql`bytea` : sql`blob`;
}
