import type { Kysely } from 'kysely';
import type { WebTables } from '../../src/server/data/tables.ts';

/** Every `table.column` of the web database, as its driver reports it (SQLite or PostgreSQL). */
export async function storedColumns(db: Kysely<WebTables>): Promise<string[]> {
  // Kysely's introspection leaves out its own migration tables, which hold no one's data.
  const tables = await db.introspection.getTables();
  return tables.flatMap((t) => t.columns.map((c) => `${t.name}.${c.name}`));
}
