import Database from 'better-sqlite3';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { it } from 'node:test';
import { createSqliteStore } from '../src/server/index.ts';
import { SCHEMA } from '../src/server/store/sqlite-schema.ts';
import { tempDir } from './support/classroom.ts';
import { sessionStoreContract } from './support/store-contract.ts';
import { studentErasureContract } from './support/store-erasure-contract.ts';

sessionStoreContract('sqlite', async () => {
  const dir = tempDir('store');
  const options = {
    path: join(dir.path, 'db.sqlite'),
    synchronous: 'full' as const,
    snapshotEvery: 7,
  };
  return {
    store: createSqliteStore(options),
    reopen: async () => createSqliteStore(options),
    cleanup: async () => dir.remove(),
  };
});

it('sqlite: the database runs in WAL mode with full synchronous commits', async () => {
  const dir = tempDir('wal');
  const path = join(dir.path, 'db.sqlite');
  const store = createSqliteStore({ path, synchronous: 'full', snapshotEvery: 200 });
  const db = new Database(path, { readonly: true });
  assert.equal(db.pragma('journal_mode', { simple: true }), 'wal');
  db.close();
  await store.close();
  dir.remove();
});

studentErasureContract('sqlite', async () => {
  const dir = tempDir('erase');
  const options = {
    path: join(dir.path, 'db.sqlite'),
    synchronous: 'full' as const,
    snapshotEvery: 7,
  };
  return {
    store: createSqliteStore(options),
    reopen: async () => createSqliteStore(options),
    // Every row of every table, and every byte of the database file and its WAL: free pages once
    // held older snapshots that named the student.
    raw: async () => {
      const bytes = [options.path, `${options.path}-wal`]
        .filter((file) => existsSync(file))
        .map((file) => readFileSync(file).toString('latin1'));
      const db = new Database(options.path, { readonly: true });
      const tables = db
        .prepare<[], { name: string }>(`SELECT name FROM sqlite_master WHERE type = 'table'`)
        .all();
      const rows = tables.map(({ name }) => db.prepare(`SELECT * FROM "${name}"`).all());
      db.close();
      return JSON.stringify(rows) + bytes.join('');
    },
    cleanup: async () => dir.remove(),
  };
});

it('sqlite: a file from before free pages were vacuumed is converted at open, its sessions kept', async () => {
  const dir = tempDir('convert');
  const path = join(dir.path, 'db.sqlite');
  const old = new Database(path);
  old.pragma('journal_mode = WAL');
  old.exec(SCHEMA);
  old
    .prepare(
      `INSERT INTO sessions (id, join_code, teacher_id, title, status, created_at, snapshot_seq, snapshot)
       VALUES ('s-old', 'ABCDEF', 't1', 'Kept', 'ended', 1, 1, '{}')`,
    )
    .run();
  assert.equal(old.pragma('auto_vacuum', { simple: true }), 0);
  old.close();

  const store = createSqliteStore({ path, synchronous: 'full', snapshotEvery: 200 });
  assert.deepEqual(
    (await store.list('t1')).map((summary) => summary.id),
    ['s-old'],
  );
  await store.close();
  const db = new Database(path, { readonly: true });
  assert.equal(db.pragma('auto_vacuum', { simple: true }), 2, 'auto_vacuum = INCREMENTAL');
  db.close();
  dir.remove();
});
