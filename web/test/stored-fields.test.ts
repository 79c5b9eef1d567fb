/**
 * The register of stored fields (src/privacy/stored-fields.ts) against what the code really
 * stores: the web database migrated from empty, a realtime SQLite store created through its public
 * API, the Redis key templates and the Firebase paths in the realtime tier's source. A column,
 * key or path stored but not registered fails here, and so does one registered but not stored.
 * (PostgreSQL's schema is compared in test/privacy-repository.test.ts, which starts one.)
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { createSqliteStore } from '@classpulse/realtime/server';
import { openDatabase } from '../src/server/data/connect.ts';
import { migrateToLatest } from '../src/server/data/migrate.ts';
import { LOCALES } from '../src/i18n/locales.ts';
import { locationMessageKey } from '../src/privacy/message-keys.ts';
import {
  FIELD_KINDS,
  fieldIds,
  RETENTION_CLASSES,
  STORE_IDS,
  STORED_FIELDS,
  SUBJECTS,
} from '../src/privacy/stored-fields.ts';
import { storedColumns } from './support/stored-columns.ts';

const folder = mkdtempSync(join(tmpdir(), 'classpulse-register-'));
after(() => rmSync(folder, { recursive: true, force: true }));

const REALTIME_SRC = fileURLToPath(new URL('../../realtime/src/', import.meta.url));

const sorted = (ids: Iterable<string>) => [...ids].sort();

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? sourceFiles(join(dir, e.name))
      : e.name.endsWith('.ts')
        ? [join(dir, e.name)]
        : [],
  );
}

describe('the register of stored fields', () => {
  it('lists exactly the web database’s columns (SQLite, every migration applied)', async () => {
    const db = openDatabase({ dialect: 'sqlite', path: join(folder, 'web.sqlite') });
    try {
      await migrateToLatest(db);
      assert.deepEqual(sorted(fieldIds('webDatabase')), sorted(await storedColumns(db)));
    } finally {
      await db.destroy();
    }
  });

  it('lists exactly the realtime SQLite store’s columns', async () => {
    const path = join(folder, 'realtime.sqlite');
    const store = createSqliteStore({ path, synchronous: 'normal', snapshotEvery: 50 });
    await store.close();
    const db = new Database(path, { readonly: true });
    try {
      const tables = db
        .prepare<[], { name: string }>(
          "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
        )
        .all();
      const columns = tables.flatMap(({ name }) =>
        db
          .prepare<[], { name: string }>(`SELECT name FROM pragma_table_info('${name}')`)
          .all()
          .map((c) => `${name}.${c.name}`),
      );
      assert.deepEqual(sorted(fieldIds('realtimeSqlite')), sorted(columns));
    } finally {
      db.close();
    }
  });

  it('lists exactly the Redis keys the realtime tier writes', () => {
    // `${prefix}s:{${id}}:meta` and the register's `s:{session}:meta` both become `s:*:meta`.
    const fromSource = new Set<string>();
    for (const file of sourceFiles(join(REALTIME_SRC, 'server'))) {
      const text = readFileSync(file, 'utf8');
      for (const [, key] of text.matchAll(/`\$\{(?:p|keyPrefix|options\.keyPrefix)\}([^`]*)`/g))
        fromSource.add(key!.replace(/\$\{[^}]*\}/g, '*').replace(/[{}]/g, ''));
    }
    const registered = Object.keys(STORED_FIELDS.redis).map((key) =>
      key.replace(/\{[a-z]+\}/g, '*').replace(/[{}]/g, ''),
    );
    // Publish/subscribe channels carry messages between processes and store nothing.
    const channels = ['socket.io', 'rpc:*'];
    // A SCAN over a key family (`code:`) is a prefix of a registered key, not a key of its own.
    const keys = [...fromSource].filter(
      (key) => !channels.includes(key) && !registered.some((r) => r !== key && r.startsWith(key)),
    );
    assert.deepEqual(sorted(new Set(keys)), sorted(registered));
  });

  it('lists exactly the Firebase paths, and every child of a session’s node', () => {
    const pathsSource = readFileSync(join(REALTIME_SRC, 'firebase', 'paths.ts'), 'utf8');
    const paths = [...pathsSource.matchAll(/^ {2}(\w+): \(/gm)].map((m) => m[1]!);
    // Lists of a registered path: `teacherSessions/{t}` holds `teacherSession` entries, and
    // `sessions/{s}/public` is the session node's `public` child.
    const parents: Record<string, string> = {
      teacherSessions: 'teacherSession',
      public: 'session',
    };
    assert.deepEqual(
      sorted(new Set(paths.map((p) => parents[p] ?? p))),
      sorted(Object.keys(STORED_FIELDS.firebase)),
    );

    const layout = readFileSync(join(REALTIME_SRC, 'firebase', 'layout.ts'), 'utf8');
    const node = /export interface SessionNode \{([\s\S]*?)\n\}/.exec(layout)?.[1] ?? '';
    const children = [...node.matchAll(/^ {2}(\w+)\??:/gm)].map((m) => m[1]!);
    assert.ok(children.length > 0, 'SessionNode has children');
    // Plural children hold one registered path per slide/student.
    const plural: Record<string, string> = {
      roster: 'roster',
      presence: 'presence',
      responses: 'response',
      standings: 'standing',
    };
    const sessionFields = Object.keys(STORED_FIELDS.firebase.session!.fields);
    for (const child of children)
      assert.ok(
        sessionFields.includes(child) || (plural[child] ?? '') in STORED_FIELDS.firebase,
        `the session node's "${child}" is in the register`,
      );
    for (const field of sessionFields) assert.ok(children.includes(field), `"${field}" is stored`);
  });

  it('has words for every store, place, kind, subject and retention in every language', () => {
    for (const locale of LOCALES) {
      const catalog = JSON.parse(
        readFileSync(new URL(`../messages/privacy/${locale}.json`, import.meta.url), 'utf8'),
      ) as Record<string, Record<string, Record<string, unknown> | string>>;
      const has = (path: string[]) =>
        typeof path.reduce<unknown>(
          (node, key) => (node as Record<string, unknown> | undefined)?.[key],
          catalog,
        ) === 'string';
      const needed = [
        ...STORE_IDS.flatMap((store) => [
          ['stores', store, 'name'],
          ['stores', store, 'intro'],
          ...Object.keys(STORED_FIELDS[store]).map((l) => [
            'locations',
            store,
            locationMessageKey(l),
          ]),
        ]),
        ...FIELD_KINDS.map((kind) => ['kinds', kind]),
        ...SUBJECTS.map((subject) => ['subjects', subject]),
        ...RETENTION_CLASSES.map((r) => ['retention', r]),
      ];
      const missing = needed.filter((path) => !has(path)).map((path) => path.join('.'));
      assert.deepEqual(missing, [], `privacy/${locale}.json`);
      // And no words for places the register no longer has.
      for (const store of STORE_IDS) {
        const places = Object.keys(STORED_FIELDS[store]).map(locationMessageKey);
        const worded = Object.keys((catalog.locations as Record<string, object>)[store] ?? {});
        assert.deepEqual(worded.sort(), places.sort(), `privacy/${locale}.json locations.${store}`);
      }
    }
  });

  it('never keeps an address or a browser’s user agent in any table or column', () => {
    for (const store of Object.keys(STORED_FIELDS) as (keyof typeof STORED_FIELDS)[])
      for (const id of fieldIds(store))
        assert.doesNotMatch(id, /(^|[._])(ip|address|remote|user_?agent|ua)([._]|$)/i, id);
  });
});
