import { webConfig } from '../server/config.ts';
import { openDatabase } from '../server/data/connect.ts';
import { migrateToLatest } from '../server/data/migrate.ts';

/**
 * Brings the web tier's database to the newest schema and exits: Kubernetes runs it as each web
 * pod's init container. Kysely's migrator takes a lock in the database, so of several pods
 * starting together one migrates and the others wait, then find nothing left to do.
 */
async function main(): Promise<void> {
  const db = openDatabase(webConfig().database);
  try {
    const applied = await migrateToLatest(db);
    process.stdout.write(`${JSON.stringify({ event: 'migrated', applied })}\n`);
  } finally {
    await db.destroy();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
