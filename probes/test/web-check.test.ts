import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { pino } from 'pino';
import type { Check } from '../src/check.ts';
import { loadProbeConfig } from '../src/config.ts';
import { createProbeServer, type ProbeServer } from '../src/probe-server.ts';
import { promtoolProblems, sample } from './support/metrics-text.ts';

/** A stand-in for the web app's /join page whose latency and status the test sets. */
async function startJoinPage(state: { delayMs: number; status: number }) {
  const server: Server = createServer((req, res) => {
    setTimeout(() => {
      res.writeHead(req.url === '/join' ? state.status : 404, { 'Content-Type': 'text/html' });
      res.end('<!doctype html><html><title>Join</title></html>');
    }, state.delayMs);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const LABELS = 'target="local",probe="test-region",transport="http"';
const run = (result: string, reason: string) =>
  `web_probe_runs_total{${LABELS},result="${result}",reason="${reason}"}`;
const bucket = (le: string) =>
  `web_probe_duration_seconds_bucket{le="${le}",${LABELS},phase="load"}`;

describe('the web check, through a running probe', () => {
  const page = { delayMs: 0, status: 200 };
  let site: Awaited<ReturnType<typeof startJoinPage>>;
  let probe: ProbeServer;
  let waiters: Array<() => void> = [];
  const nextTick = () => new Promise<void>((resolve) => waiters.push(resolve));
  const scrape = async () => (await fetch(`${probe.url}/metrics`)).text();

  before(async () => {
    site = await startJoinPage(page);
    const config = loadProbeConfig({
      PROBE_HOST: '127.0.0.1',
      PROBE_PORT: '0',
      PROBE_LOCATION: 'test-region',
      PROBE_WEB_URL: site.url,
      PROBE_INTERVAL_MS: '1000',
      PROBE_JITTER_MS: '0',
      PROBE_PHASE_TIMEOUT_MS: '500',
    });
    probe = await createProbeServer(
      { ...config, intervalMs: 20 },
      {
        logger: pino({ level: 'silent' }),
        onTick: (_: Check) => {
          const ready = waiters;
          waiters = [];
          for (const resolve of ready) resolve();
        },
      },
    );
  });
  after(async () => {
    await probe?.close();
    await site?.stop();
  });

  it('records the load phase and a successful run, and serves a valid exposition', async () => {
    await nextTick();
    const text = await scrape();
    assert.ok(sample(text, run('success', 'none')) >= 1);
    assert.ok(sample(text, `web_probe_duration_seconds_count{${LABELS},phase="load"}`) >= 1);
    assert.ok(
      sample(
        text,
        'probe_last_run_timestamp_seconds{target="local",probe="test-region",check="web"}',
      ) > 0,
    );
    assert.equal(promtoolProblems(text), null);
    assert.equal((await fetch(`${probe.url}/readyz`)).status, 200);
    assert.equal((await fetch(`${probe.url}/healthz`)).status, 200);
  });

  it('shows added latency in the histogram', async () => {
    await nextTick();
    const before = await scrape();
    page.delayMs = 300;
    await nextTick(); // a tick that may have started before the change
    await nextTick();
    page.delayMs = 0;
    const after = await scrape();
    assert.ok(
      sample(after, bucket('0.5')) - sample(before, bucket('0.5')) >= 1,
      'a 300 ms load counted under 0.5 s',
    );
    assert.ok(
      sample(after, bucket('+Inf')) - sample(after, bucket('0.25')) >= 1,
      'and above 0.25 s',
    );
  });

  it('records failures with their reason: an HTTP error, a timeout, a stopped server', async () => {
    page.status = 503;
    await nextTick();
    await nextTick();
    assert.ok(sample(await scrape(), run('failure', 'http_status')) >= 1);
    page.status = 200;
    page.delayMs = 800; // over the 500 ms phase timeout
    await nextTick();
    await nextTick();
    assert.ok(sample(await scrape(), run('failure', 'timeout')) >= 1);
    page.delayMs = 0;
    await site.stop();
    await nextTick();
    await nextTick();
    const text = await scrape();
    assert.ok(sample(text, run('failure', 'connection_refused')) >= 1);
    assert.equal(promtoolProblems(text), null);
  });

  it('is not ready once its loop has stopped', async () => {
    await probe.loop.stop();
    assert.equal((await fetch(`${probe.url}/readyz`)).status, 503);
    assert.equal((await fetch(`${probe.url}/healthz`)).status, 200);
  });
});

describe('a misconfigured probe', () => {
  it('stays up, counts a config error and says why on /readyz instead of crash-looping', async () => {
    const probe = await createProbeServer(
      { ...loadProbeConfig({ PROBE_HOST: '127.0.0.1', PROBE_PORT: '0' }) },
      {
        logger: pino({ level: 'silent' }),
        configProblem: 'Invalid probe configuration:\n  PROBE_WEB_URL: Invalid URL',
      },
    );
    try {
      const ready = await fetch(`${probe.url}/readyz`);
      assert.equal(ready.status, 503);
      assert.match(await ready.text(), /PROBE_WEB_URL/);
      const text = await (await fetch(`${probe.url}/metrics`)).text();
      assert.equal(sample(text, 'probe_errors_total{kind="config"}'), 1);
    } finally {
      await probe.close();
    }
  });
});
