/**
 * The production web server (src/production/main.ts) as Kubernetes runs it, on a real
 * PostgreSQL: Next on the public port; /metrics, /healthz and /readyz on the internal one.
 * Requests are counted by route pattern (bounded, whatever paths a client invents), database
 * queries are timed, the pool is reported, readiness follows the database, and SIGTERM stops it
 * cleanly.
 */
import assert from 'node:assert/strict';
import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { after, before, describe, it } from 'node:test';
import { startPostgres, type TestPostgres } from './support/postgres.ts';
import { startWebServerProcess } from './support/web-server-process.ts';

/** One sample's value from Prometheus text, or undefined. */
function sample(text: string, name: string, labels: Record<string, string>): number | undefined {
  const wanted = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  for (const line of text.split('\n')) {
    if (!line.startsWith(`${name}{`) && !line.startsWith(`${name} `)) continue;
    if (wanted.every((w) => line.includes(w))) return Number(line.split(' ').at(-1));
  }
  return undefined;
}

describe('the production web server', { timeout: 180_000 }, () => {
  let postgres: TestPostgres;
  let child: ChildProcess;
  let url: string;
  let internalUrl: string;

  before(async () => {
    postgres = await startPostgres();
    ({ child, url, internalUrl } = await startWebServerProcess({
      DATABASE_URL: await postgres.createDatabase('web_server'),
      WEB_SESSION_SECRET: 'web-server-test-session-secret-'.padEnd(48, 'w'),
      REALTIME_TOKEN_SECRET: 'web-server-test-realtime-secret-'.padEnd(48, 'r'),
      // The retention job's first pass right at start (its work is tested in retention-job).
      RETENTION_JOB_START_DELAY_MS: '0',
    }));
  });

  after(() => {
    if (child.exitCode === null) child.kill('SIGKILL');
    postgres?.stop();
  });

  const metrics = async () => (await fetch(`${internalUrl}/metrics`)).text();

  it('serves pages on the public port and nothing internal there', async () => {
    assert.equal((await fetch(`${url}/teacher/login`)).status, 200);
    assert.equal((await fetch(`${url}/healthz`)).status, 200);
    assert.equal((await fetch(`${url}/metrics`)).status, 404);
  });

  it('counts requests by route pattern, method and status, with their time', async () => {
    assert.equal((await fetch(`${url}/api/decks`)).status, 401);
    for (let i = 0; i < 5; i++) await fetch(`${url}/api/decks/invented-${i}-${Math.random()}`);
    await fetch(`${url}/no/such/page/${Math.random()}`);
    const text = await metrics();
    assert.equal(
      sample(text, 'web_http_requests_total', {
        route: '/api/decks',
        method: 'GET',
        status: '401',
      }),
      1,
    );
    assert.equal(
      sample(text, 'web_http_requests_total', { route: '/api/decks/[id]', status: '401' }),
      5,
    );
    assert.ok(sample(text, 'web_http_requests_total', { route: 'other', status: '404' }));
    assert.ok(
      (sample(text, 'web_http_request_duration_seconds_count', { route: '/teacher/login' }) ?? 0) >=
        1,
    );
    assert.ok(!text.includes('invented-'), 'no path becomes a label value');
  });

  it('times database queries and reports the PostgreSQL pool', async () => {
    const login = await fetch(`${url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'nobody@school.test', password: 'not a password' }),
    });
    assert.equal(login.status, 401);
    const text = await metrics();
    assert.ok((sample(text, 'web_db_query_duration_seconds_count', { outcome: 'ok' }) ?? 0) >= 1);
    assert.ok((sample(text, 'web_db_pool_connections', { state: 'total' }) ?? 0) >= 1);
    assert.notEqual(sample(text, 'web_db_pool_connections', { state: 'waiting' }), undefined);
  });

  it('runs the retention job at start and reports it on /metrics', async () => {
    // The pass starts as the server does; wait for its report (one scrape per turn).
    let text = await metrics();
    while (sample(text, 'web_retention_runs_total', { outcome: 'success' }) === undefined)
      text = await new Promise((resolve) => setImmediate(resolve)).then(metrics);
    assert.equal(sample(text, 'web_retention_runs_total', { outcome: 'success' }), 1);
    assert.ok((sample(text, 'web_retention_last_success_timestamp_seconds', {}) ?? 0) > 0);
    assert.match(text, /# TYPE web_retention_deleted_total counter/);
  });

  it('is live while it runs, and ready only while its database answers', async () => {
    assert.equal((await fetch(`${internalUrl}/healthz`)).status, 200);
    assert.equal((await fetch(`${internalUrl}/readyz`)).status, 200);
    postgres.stop();
    assert.equal((await fetch(`${internalUrl}/readyz`)).status, 503);
    assert.equal((await fetch(`${internalUrl}/healthz`)).status, 200, 'alive, just not ready');
  });

  it('stops cleanly on SIGTERM', async () => {
    child.kill('SIGTERM');
    const [code] = (await once(child, 'exit')) as [number | null];
    assert.equal(code, 0);
  });
});
