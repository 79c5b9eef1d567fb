/**
 * What every request meets before the app, on the production server (the embedded launcher uses
 * the same front door): a malformed Host is refused and never echoed; a declared body over its
 * limit is refused before it is read, and so is one sent without a length, so eight big bodies at
 * once do not grow the process; a JSON route reads no more than its own, smaller limit; a client that never
 * finishes its headers is cut off; the connection cap holds; HSTS is sent over HTTPS when set.
 * Each refusal is counted by reason.
 */
import assert from 'node:assert/strict';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { chunkedUpload, exchange } from './support/raw-http.ts';
import { startWebServerProcess } from './support/web-server-process.ts';

/** One sample's value from Prometheus text, or 0. */
function sample(text: string, name: string, labels: Record<string, string>): number {
  const wanted = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  for (const line of text.split('\n'))
    if (line.startsWith(`${name}{`) && wanted.every((w) => line.includes(w)))
      return Number(line.split(' ').at(-1));
  return 0;
}

/** The child's resident memory, from /proc (Linux). */
function rssBytes(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((l) => l.startsWith('VmRSS:'));
  return Number(/(\d+)/.exec(line ?? '')?.[1] ?? 0) * 1024;
}

describe('the web front door', { timeout: 180_000 }, () => {
  let child: ChildProcess;
  let url: string;
  let port: number;
  let internalUrl: string;
  const dataDir = mkdtempSync(join(tmpdir(), 'front-door-'));

  before(async () => {
    ({ child, url, internalUrl } = await startWebServerProcess({
      CLASSPULSE_DATA_DIR: dataDir,
      WEB_SESSION_SECRET: 'front-door-test-session-secret-'.padEnd(48, 'w'),
      REALTIME_TOKEN_SECRET: 'front-door-test-realtime-secret-'.padEnd(48, 'r'),
      WEB_HEADERS_TIMEOUT_MS: '1000',
      WEB_MAX_CONNECTIONS: '40',
      WEB_HSTS_MAX_AGE: '600',
    }));
    port = Number(new URL(url).port);
  });
  after(() => {
    if (child.exitCode === null) child.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  const refused = async (reason: string) =>
    sample(await (await fetch(`${internalUrl}/metrics`)).text(), 'web_http_refused_total', {
      reason,
    });

  it('refuses a malformed Host with 400 and never copies it into a header', async () => {
    for (const host of ['evil.example:1234567', 'a b', '<script>', 'x"y', '', 'a..b']) {
      const answer = await exchange(
        port,
        `GET /teacher/login HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`,
      );
      assert.match(answer, /^HTTP\/1\.1 400 /, JSON.stringify(host));
      assert.ok(!answer.includes('script') && !answer.includes('evil'), answer);
    }
    const forwarded = await exchange(
      port,
      'GET /teacher/login HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Forwarded-Host: bad host\r\nConnection: close\r\n\r\n',
    );
    assert.match(forwarded, /^HTTP\/1\.1 400 /);
    assert.equal((await fetch(`${url}/teacher/login`)).status, 200, 'a good Host still works');
    assert.ok((await refused('bad_host')) >= 3);
  });

  it('refuses a declared body over the limit before reading it', async () => {
    // Headers only: the 413 comes back although not one byte of the 400 MB follows.
    const answer = await exchange(
      port,
      `POST /api/auth/login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${400 * 1024 * 1024}\r\n\r\n`,
      5_000,
    );
    assert.match(answer, /^HTTP\/1\.1 413 /);
    assert.match(answer, /"code":"too_large"/);
    assert.ok((await refused('too_large')) >= 1);
  });

  it('refuses bodies without a declared length, eight big ones at once, without growing', async () => {
    const before = rssBytes(child.pid!);
    const uploads = await Promise.all(
      Array.from({ length: 8 }, () => chunkedUpload(port, '/api/auth/login', 50 * 1024 * 1024)),
    );
    // A client still sending when the server closes may see the reset before the 411.
    for (const upload of uploads) assert.ok([411, 0].includes(upload.status), `${upload.status}`);
    // One that waits for the answer reads why.
    const answer = await exchange(
      port,
      'POST /api/auth/login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n2\r\n{}\r\n',
      5_000,
    );
    assert.match(answer, /^HTTP\/1\.1 411 /);
    const grown = rssBytes(child.pid!) - before;
    assert.ok(grown < 64 * 1024 * 1024, `the process grew ${Math.round(grown / 2 ** 20)} MiB`);
    assert.ok((await refused('length_required')) >= 9);
    const login = await fetch(`${url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'nobody@school.test', password: 'wrong' }),
    });
    assert.equal(login.status, 401, 'ordinary requests still work');
    // Under the front door's limit (a whole deck), over what signing in ever needs.
    const padded = await fetch(`${url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'a@school.test', password: 'x', pad: 'p'.repeat(1024 * 1024) }),
    });
    assert.equal(padded.status, 413);
  });

  it('cuts off a client that never finishes its headers (slowloris)', async () => {
    const started = Date.now();
    const answer = await exchange(
      port,
      'GET /teacher/login HTTP/1.1\r\nHost: 127.0.0.1\r\n',
      20_000,
    );
    assert.match(answer, /^HTTP\/1\.1 408 /);
    assert.ok(Date.now() - started < 15_000, 'within the headers deadline (and Node’s check)');
    assert.ok((await refused('timeout')) >= 1);
  });

  it('holds the connection cap and serves again once connections close', async () => {
    const sockets: Socket[] = [];
    for (let i = 0; i < 60; i++) {
      const socket = connect(port, '127.0.0.1');
      socket.on('error', () => undefined);
      sockets.push(socket);
    }
    await sleep(500);
    assert.ok((await refused('connection_limit')) >= 1, 'connections over the cap are dropped');
    for (const socket of sockets) socket.destroy();
    await sleep(300);
    assert.equal((await fetch(`${url}/teacher/login`)).status, 200);
  });

  it('sends HSTS over HTTPS only', async () => {
    const https = await fetch(`${url}/teacher/login`, {
      headers: { 'x-forwarded-proto': 'https' },
    });
    assert.equal(https.headers.get('strict-transport-security'), 'max-age=600; includeSubDomains');
    const http = await fetch(`${url}/teacher/login`);
    assert.equal(http.headers.get('strict-transport-security'), null);
  });
});
