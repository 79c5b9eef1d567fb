import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import {
  createRealtimeServer,
  loadRealtimeConfig,
  type RealtimeServer,
} from '@classpulse/realtime/server';
import { createTokenService } from '@classpulse/realtime/tokens';
import { pino } from 'pino';
import { realtimeCheck } from '../src/checks/realtime-check.ts';
import { createProbeMetrics } from '../src/metrics.ts';
import { startDelayProxy } from './support/delay-proxy.ts';
import { promtoolProblems, sample } from './support/metrics-text.ts';

const SECRET = 'probe-test-secret-'.padEnd(48, 'z');
const tokens = (secret = SECRET) =>
  createTokenService({ secret, teacherTtlSeconds: 60, studentTtlSeconds: 60 });
const LABELS = 'target="local",probe="eu",transport="websocket"';
const runs = (result: string, reason: string) =>
  `realtime_probe_runs_total{${LABELS},result="${result}",reason="${reason}"}`;
const bucket = (phase: string, le: string) =>
  `realtime_probe_duration_seconds_bucket{le="${le}",${LABELS},phase="${phase}"}`;

/** The realtime check against the real socket tier on port 0. */
describe('the realtime tier check', () => {
  let tier: RealtimeServer;
  let dataDir: string;
  const metrics = createProbeMetrics();
  const context = {
    target: 'local',
    probe: 'eu',
    metrics,
    phaseTimeoutMs: 3_000,
    logger: pino({ level: 'silent' }),
  };
  const scrape = () => metrics.registry.metrics();

  before(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'probe-realtime-'));
    tier = await createRealtimeServer(
      {
        ...loadRealtimeConfig({
          CLASSPULSE_DATA_DIR: dataDir,
          REALTIME_HOST: '127.0.0.1',
          REALTIME_PORT: '0',
          REALTIME_INTERNAL_PORT: '0',
        }),
        tokenSecret: SECRET,
        logLevel: 'silent',
      },
      { logger: pino({ level: 'silent' }) },
    );
  });
  after(async () => {
    await tier?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('connects over WebSocket with a probe token and times a ping round trip', async () => {
    await realtimeCheck({ url: tier.url, tokens: tokens() }).tick(context);
    const text = await scrape();
    assert.equal(sample(text, runs('success', 'none')), 1);
    assert.equal(
      sample(text, `realtime_probe_duration_seconds_count{${LABELS},phase="connect"}`),
      1,
    );
    assert.equal(
      sample(text, `realtime_probe_duration_seconds_count{${LABELS},phase="roundtrip"}`),
      1,
    );
    assert.equal(promtoolProblems(text), null);
  });

  it('shows added latency in the round trip', async () => {
    const slow = await startDelayProxy(new URL(tier.url).host, 150);
    try {
      const before = await scrape();
      await realtimeCheck({ url: `http://${slow.host}`, tokens: tokens() }).tick(context);
      const text = await scrape();
      assert.equal(
        sample(text, bucket('roundtrip', '+Inf')) - sample(before, bucket('roundtrip', '+Inf')),
        1,
      );
      assert.equal(
        sample(text, bucket('roundtrip', '0.1')) - sample(before, bucket('roundtrip', '0.1')),
        0,
      );
    } finally {
      await slow.close();
    }
  });

  it('records a refused probe token as auth, and a stopped tier as connection_refused', async () => {
    await realtimeCheck({ url: tier.url, tokens: tokens('another-secret-'.padEnd(48, 'q')) }).tick(
      context,
    );
    assert.equal(sample(await scrape(), runs('failure', 'auth')), 1);
    const url = tier.url;
    await tier.close();
    await realtimeCheck({ url, tokens: tokens() }).tick(context);
    assert.equal(sample(await scrape(), runs('failure', 'connection_refused')), 1);
  });
});
