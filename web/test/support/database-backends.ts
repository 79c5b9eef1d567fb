import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DatabaseTarget } from '../../src/server/data/connect.ts';
import { startPostgres, type TestPostgres } from './postgres.ts';

/** One database the web tier runs on, for suites that run the same cases on each. */
export interface DatabaseBackend {
  name: 'SQLite' | 'PostgreSQL';
  /**
   * How many web processes share one database: SQLite is the embedded default's, one process;
   * PostgreSQL serves every replica of a deployment.
   */
  processes: 'one' | 'many';
  start(): Promise<void>;
  /** A new, empty database named `name` (unique within the suite). */
  target(name: string): Promise<DatabaseTarget>;
  stop(): void;
}

/** SQLite in a temporary folder and a real PostgreSQL server, started by `start`. */
export function databaseBackends(folderPrefix: string): DatabaseBackend[] {
  const sqliteFolder = mkdtempSync(join(tmpdir(), `classpulse-${folderPrefix}-`));
  let postgres: TestPostgres | undefined;
  return [
    {
      name: 'SQLite',
      processes: 'one',
      start: async () => {},
      target: async (name) => ({ dialect: 'sqlite', path: join(sqliteFolder, `${name}.sqlite`) }),
      stop: () => rmSync(sqliteFolder, { recursive: true, force: true }),
    },
    {
      name: 'PostgreSQL',
      processes: 'many',
      start: async () => {
        postgres = await startPostgres();
      },
      target: async (name) => ({
        dialect: 'postgres',
        url: await postgres!.createDatabase(name),
        poolMax: 4,
      }),
      stop: () => postgres?.stop(),
    },
  ];
}
