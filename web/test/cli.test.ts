/**
 * The operators' command-line tools of the web tier: `migrate` (each web pod's init container)
 * and `setup-link` (the first admin of a deployment without the embedded launcher).
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { openDatabase } from '../src/server/data/connect.ts';
import { insertAccount } from '../src/server/data/account-repository.ts';
import { MIGRATIONS } from '../src/server/data/migrations/index.ts';
import { runCli } from './support/run-cli.ts';

const folder = mkdtempSync(join(tmpdir(), 'classpulse-cli-'));
after(() => rmSync(folder, { recursive: true, force: true }));

describe('web command-line tools', () => {
  const env = { WEB_SQLITE_PATH: join(folder, 'web.sqlite') };

  it('migrate applies every migration once, then nothing', () => {
    const first = runCli('migrate', [], env);
    assert.equal(first.code, 0, first.stderr);
    assert.deepEqual(JSON.parse(first.stdout), {
      event: 'migrated',
      applied: Object.keys(MIGRATIONS),
    });
    const again = runCli('migrate', [], env);
    assert.deepEqual(JSON.parse(again.stdout), { event: 'migrated', applied: [] });
  });

  it('setup-link prints a one-time link while no admin exists, and refuses after', async () => {
    assert.equal(runCli('setup-link', [], env).code, 2, 'the site URL is required');
    const printed = runCli('setup-link', ['https://classpulse.district.test'], env);
    assert.equal(printed.code, 0, printed.stderr);
    assert.match(printed.stdout, /https:\/\/classpulse\.district\.test\/setup#[A-Za-z0-9_-]{43}/);

    const db = openDatabase({ dialect: 'sqlite', path: env.WEB_SQLITE_PATH });
    await insertAccount(db, {
      id: 'admin-1',
      email: 'it@district.test',
      name: 'IT',
      role: 'admin',
      passwordHash: null,
      createdAt: 1,
    });
    await db.destroy();
    const refused = runCli('setup-link', ['https://classpulse.district.test'], env);
    assert.equal(refused.code, 1);
    assert.match(refused.stderr, /An admin account exists/);
    const forced = runCli('setup-link', ['https://classpulse.district.test', '--force'], env);
    assert.equal(forced.code, 0);
  });
});
