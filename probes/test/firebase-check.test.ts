import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { openFirebaseAdmin, type FirebaseAdmin } from '@classpulse/realtime/firebase-admin';
import type { FirebaseAdminConfig } from '@classpulse/realtime/firebase-config';
import {
  startAuthEmulator,
  startRtdbServer,
  type AuthEmulator,
  type RtdbServer,
} from '@classpulse/realtime/testing';
import { pino } from 'pino';
import { firebaseCheck } from '../src/checks/firebase-check.ts';
import { loadProbeConfig } from '../src/config.ts';
import { createProbeServer } from '../src/probe-server.ts';
import { createProbeMetrics } from '../src/metrics.ts';
import { startDelayProxy } from './support/delay-proxy.ts';
import { promtoolProblems, sample } from './support/metrics-text.ts';

const LOCATION = 'europe-west1';
const labels = (transport: string) => `target="local",probe="${LOCATION}",transport="${transport}"`;
const runs = (transport: string, result: string, reason: string) =>
  `firebase_probe_runs_total{${labels(transport)},result="${result}",reason="${reason}"}`;
const phaseCount = (transport: string, phase: string) =>
  `firebase_probe_duration_seconds_count{${labels(transport)},phase="${phase}"}`;

/**
 * The Firebase check against the local Realtime Database protocol server (with the real rules
 * and its REST API) and the Auth stand-in: the official emulators cannot run here.
 */
describe('the Firebase check', () => {
  let rtdb: RtdbServer;
  let auth: AuthEmulator;
  let admin: FirebaseAdmin;
  let config: FirebaseAdminConfig;
  let databaseStopped = false;
  const metrics = createProbeMetrics();
  const context = (phaseTimeoutMs: number) => ({
    target: 'local',
    probe: LOCATION,
    metrics,
    phaseTimeoutMs,
    logger: pino({ level: 'silent' }),
  });
  const scrape = () => metrics.registry.metrics();

  before(async () => {
    rtdb = await startRtdbServer();
    auth = await startAuthEmulator({ projectId: 'demo-classpulse' });
    config = {
      databaseUrl: rtdb.databaseUrl,
      projectId: 'demo-classpulse',
      serviceAccount: null,
      databaseEmulatorHost: rtdb.host,
      authEmulatorHost: auth.host,
    };
    admin = openFirebaseAdmin(config);
  });
  after(async () => {
    await admin?.close();
    await auth?.stop();
    if (!databaseStopped) await rtdb?.stop();
  });

  it('records every phase of a healthy run over WebSocket and over REST, and leaves no data', async () => {
    // A run a crashed probe left two minutes ago: older than the TTL, so it is swept.
    await admin.database.ref(`probes/${LOCATION}/runs/stale`).set({ at: Date.now() - 120_000 });
    const check = firebaseCheck({ config, admin, webApiKey: 'test-api-key', runTtlMs: 60_000 });
    await check.tick(context(5_000));
    const text = await scrape();
    assert.equal(sample(text, runs('websocket', 'success', 'none')), 1, text);
    assert.equal(sample(text, runs('rest', 'success', 'none')), 1);
    for (const phase of ['auth', 'connect', 'write', 'fanout', 'cleanup'])
      assert.equal(sample(text, phaseCount('websocket', phase)), 1, phase);
    for (const phase of ['auth', 'rest_put', 'rest_get', 'cleanup'])
      assert.equal(sample(text, phaseCount('rest', phase)), 1, phase);
    assert.match(
      text,
      /firebase_probe_server_time_offset_seconds\{target="local",probe="europe-west1"\} -?[0-9.e-]+/,
    );
    assert.equal(promtoolProblems(text), null);
    assert.equal(
      (await admin.database.ref('probes').get()).val(),
      null,
      'no probe data left behind',
    );
    // Two SDK clients and the REST run, each signed in as this location's probe.
    assert.deepEqual(auth.signIns, Array(3).fill(`probe:${LOCATION}`));
  });

  it('shows latency added between the probe and the database in its histograms', async () => {
    const slow = await startDelayProxy(rtdb.host, 150);
    const before = await scrape();
    try {
      const check = firebaseCheck({
        config: { ...config, databaseEmulatorHost: slow.host },
        admin,
        webApiKey: 'test-api-key',
        runTtlMs: 60_000,
      });
      await check.tick(context(5_000));
    } finally {
      await slow.close();
    }
    const text = await scrape();
    const bucket = (transport: string, phase: string, le: string) =>
      `firebase_probe_duration_seconds_bucket{le="${le}",${labels(transport)},phase="${phase}"}`;
    const added = (transport: string, phase: string, le: string) =>
      sample(text, bucket(transport, phase, le)) - sample(before, bucket(transport, phase, le));
    for (const [transport, phase] of [
      ['websocket', 'write'],
      ['websocket', 'fanout'],
      ['rest', 'rest_put'],
      ['rest', 'rest_get'],
    ] as const) {
      assert.equal(added(transport, phase, '+Inf'), 1, `${phase}: one more observation`);
      assert.equal(
        added(transport, phase, '0.1'),
        0,
        `${phase}: not under 0.1 s with 150 ms added`,
      );
    }
  });

  it('runs from the configuration a deployment gives it, on the probe loop', async () => {
    let ticked!: () => void;
    const firstTick = new Promise<void>((resolve) => (ticked = resolve));
    const probe = await createProbeServer(
      loadProbeConfig({
        PROBE_HOST: '127.0.0.1',
        PROBE_PORT: '0',
        PROBE_LOCATION: 'us-east1',
        PROBE_INTERVAL_MS: '60000',
        PROBE_JITTER_MS: '0',
        FIREBASE_DATABASE_URL: config.databaseUrl,
        FIREBASE_DATABASE_EMULATOR_HOST: rtdb.host,
        FIREBASE_AUTH_EMULATOR_HOST: auth.host,
        FIREBASE_PROJECT_ID: 'demo-classpulse',
      }),
      {
        logger: pino({ level: 'silent' }),
        onTick: () => ticked(),
      },
    );
    try {
      await firstTick;
      const text = await (await fetch(`${probe.url}/metrics`)).text();
      const us = (transport: string) =>
        `firebase_probe_runs_total{target="local",probe="us-east1",transport="${transport}",result="success",reason="none"}`;
      assert.equal(sample(text, us('websocket')), 1);
      assert.equal(sample(text, us('rest')), 1);
    } finally {
      await probe.close();
    }
  });

  it('records failures with their reason when the database is down', async () => {
    await rtdb.stop();
    databaseStopped = true;
    const check = firebaseCheck({ config, admin, webApiKey: 'test-api-key', runTtlMs: 60_000 });
    await check.tick(context(1_000));
    const text = await scrape();
    // The SDK keeps retrying a refused WebSocket quietly: the connect phase times out.
    assert.equal(sample(text, runs('websocket', 'failure', 'timeout')), 1);
    assert.equal(sample(text, runs('rest', 'failure', 'connection_refused')), 1);
    assert.equal(promtoolProblems(text), null);
  });
});
