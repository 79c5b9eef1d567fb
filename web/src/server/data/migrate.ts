import type { Kysely } from 'kysely';
import { Migrator } from 'kysely/migration';
import { MIGRATIONS } from './migrations/index.ts';
import type { WebTables } from './tables.ts';

/**
 * Brings the schema to the newest migration and returns the names it applied. Safe to run from
 * several processes at once: Kysely's migrator takes a lock (a row lock on PostgreSQL), so each
 * migration runs exactly once and the others wait, then find nothing left to do.
 */
export async function migrateToLatest(db: Kysely<WebTables>): Promise<string[]> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => MIGRATIONS } });
  const { error, results = [] } = await migrator.migrateToLatest();
  const failed = results.find((r) => r.status === 'Error');
  if (error || failed) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(
      `Database migration ${failed?.migrationName ?? ''} failed: ${reason}`.replace('  ', ' '),
      { cause: error },
    );
  }
  return results.filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
