import type { Kysely } from 'kysely';
import { webConfig } from './config.ts';
import { openDatabase } from './data/connect.ts';
import { webMetrics } from './web-metrics.ts';
import { migrateToLatest } from './data/migrate.ts';
import type { WebTables } from './data/tables.ts';
import { importUploadFolder, uploadsDir } from './uploads.ts';

const holder = globalThis as unknown as { classpulseWebDatabase?: Promise<Kysely<WebTables>> };

async function open(): Promise<Kysely<WebTables>> {
  const config = webConfig();
  const metrics = webMetrics();
  const db = openDatabase(config.database, {
    onQuery: (ms, failed) =>
      metrics.queryDuration.observe({ outcome: failed ? 'error' : 'ok' }, ms / 1000),
  });
  try {
    await migrateToLatest(db);
    // The embedded default kept uploads as files before they moved into the database.
    if (config.database.dialect === 'sqlite')
      await importUploadFolder(db, uploadsDir(config.dataDir));
    return db;
  } catch (error) {
    await db.destroy();
    throw error;
  }
}

/**
 * The process's database, migrated to the newest schema on first use. One per process (kept on
 * globalThis so Next's dev reloads do not open more); a failed open is retried by the next call.
 */
export function database(): Promise<Kysely<WebTables>> {
  holder.classpulseWebDatabase ??= open().catch((error: unknown) => {
    holder.classpulseWebDatabase = undefined;
    throw error;
  });
  return holder.classpulseWebDatabase;
}
