import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { pageTokenKey, signPageToken } from '../src/page-token/index.ts';
import type { AggregatorServer } from '../src/server/index.ts';
import { testPageToken } from '../src/testing/index.ts';
import { postBeacon, scrape, startAggregator } from './support/aggregator.ts';
import { sample } from './support/exposition.ts';
import { promtoolCheckMetrics } from './support/promtool.ts';

const START = Date.UTC(2026, 8, 1, 8, 0, 0);
const LOAD = 'classroom_app_loads_total{app="student",outcome="success"}';
const BEAT = 'classroom_client_heartbeats_total{app="student"}';
const load = { m: 'classroom_app_loads_total', l: { app: 'student', outcome: 'success' }, v: 1 };
const tti = { m: 'classroom_app_load_duration_seconds', l: { app: 'student' }, v: 1.2 };
const lcp = { m: 'classroom_web_vitals_lcp_seconds', l: { app: 'student' }, v: 1.9 };
const cls = { m: 'classroom_web_vitals_cls', l: { app: 'student' }, v: 0.01 };
const beat = { m: 'classroom_client_heartbeats_total', l: { app: 'student' }, v: 1 };
const rejected = (reason: string) => `metrics_aggregator_rejected_total{reason="${reason}"}`;
const beacon = (t: unknown, events: unknown[]) => JSON.stringify({ v: 2, t, events });

/** A fake clock shared by the tokens and the aggregator, so expiry is tested without waiting. */
function clock() {
  const state = { now: START };
  return {
    state,
    now: () => state.now,
    token: (ttlSeconds = 3600, pageId?: string) =>
      testPageToken({ nowMs: state.now, ttlSeconds, ...(pageId ? { pageId } : {}) }),
  };
}

describe('page tokens at the beacon endpoint', () => {
  const time = clock();
  let server: AggregatorServer;
  before(async () => {
    server = await startAggregator({}, { now: time.now });
  });
  after(() => server.close());

  async function metric(series: string): Promise<number> {
    return sample((await scrape(server)).text, series);
  }

  it('refuses forged, tampered and foreign tokens (401 token_invalid), counting their events', async () => {
    const good = time.token();
    const foreign = signPageToken(pageTokenKey('some-other-deployments-secret-0123456789'), {
      nowMs: time.state.now,
      ttlSeconds: 3600,
    }).token;
    const tampered = `${good.slice(0, 10)}${good[10] === 'A' ? 'B' : 'A'}${good.slice(11)}`;
    const cases = ['page-12345678-xyz', foreign, tampered, '', `${good}=`];
    for (const t of cases) {
      const reply = await postBeacon(server, beacon(t, [load, beat, beat]));
      assert.equal(reply.status, 401, t);
      assert.equal(
        (JSON.parse(reply.body) as { error: { code: string } }).error.code,
        'token_invalid',
      );
    }
    // An empty beacon still counts once.
    assert.equal((await postBeacon(server, beacon('forged', []))).status, 401);
    const { text } = await scrape(server);
    assert.equal(sample(text, rejected('token_invalid')), cases.length * 3 + 1);
    assert.equal(sample(text, LOAD), 0);
    assert.equal(sample(text, BEAT), 0);
    assert.equal(
      sample(text, 'metrics_aggregator_beacons_total{result="rejected"}'),
      cases.length + 1,
    );
  });

  it('refuses an expired token (401 token_expired) and takes its renewal for the same page', async () => {
    const short = time.token(60);
    assert.equal((await postBeacon(server, beacon(short, [beat]))).status, 204);
    time.state.now += (60 + 61) * 1000; // past the expiry and the clock leeway
    const late = await postBeacon(server, beacon(short, [beat, beat]));
    assert.equal(late.status, 401);
    assert.equal(
      (JSON.parse(late.body) as { error: { code: string } }).error.code,
      'token_expired',
    );
    assert.equal(await metric(rejected('token_expired')), 2);
    const pageId = short.slice(12, 32);
    const renewed = time.token(60, pageId);
    assert.equal((await postBeacon(server, beacon(renewed, [beat]))).status, 204);
  });

  it('counts once-per-page events once per page and app, however often they are replayed', async () => {
    const before = await metric(LOAD);
    const t = time.token();
    const first = await postBeacon(server, beacon(t, [load, tti, lcp, cls]));
    assert.equal(first.status, 204);
    // The same beacon again (a replay), and the same events in a later one: dropped.
    const replay = await postBeacon(server, beacon(t, [load, tti, lcp, cls]));
    assert.deepEqual(JSON.parse(replay.body), { accepted: 1, dropped: { once_per_page: 3 } });
    const again = await postBeacon(
      server,
      beacon(t, [load, load, { ...load, l: { app: 'student', outcome: 'error' } }]),
    );
    assert.deepEqual(JSON.parse(again.body), { accepted: 0, dropped: { once_per_page: 3 } });
    // Another app in the same document (a client-side navigation) has its own load.
    const teacher = await postBeacon(
      server,
      beacon(t, [{ ...load, l: { app: 'teacher', outcome: 'success' } }]),
    );
    assert.equal(teacher.status, 204);
    // A renewed token is the same page: still once.
    const renewed = time.token(3600, t.slice(12, 32));
    const afterRenewal = await postBeacon(server, beacon(renewed, [load]));
    assert.deepEqual(JSON.parse(afterRenewal.body), { accepted: 0, dropped: { once_per_page: 1 } });
    const { text } = await scrape(server);
    assert.equal(sample(text, LOAD), before + 1);
    assert.equal(
      sample(text, 'classroom_web_vitals_cls_count{app="student"}'),
      2,
      'CLS may repeat',
    );
    assert.equal(sample(text, 'classroom_web_vitals_lcp_seconds_count{app="student"}'), 1);
    assert.equal(sample(text, rejected('once_per_page')), 7);
  });

  it('refuses v1 beacons from pages loaded before the update (400 outdated_beacon)', async () => {
    const reply = await postBeacon(
      server,
      JSON.stringify({ v: 1, sid: 'page-12345678-xyz', events: [load, beat] }),
    );
    assert.equal(reply.status, 400);
    assert.equal(
      (JSON.parse(reply.body) as { error: { code: string } }).error.code,
      'outdated_beacon',
    );
    assert.equal(await metric(rejected('outdated_beacon')), 1);
    const lint = await promtoolCheckMetrics((await scrape(server)).text);
    assert.equal(lint.ok, true, lint.output);
  });
});

describe('rate limits on valid tokens', () => {
  const time = clock();
  let server: AggregatorServer;
  before(async () => {
    server = await startAggregator(
      {
        AGGREGATOR_PAGE_EVENTS_PER_SECOND: '1',
        AGGREGATOR_PAGE_EVENTS_BURST: '20',
        AGGREGATOR_METRIC_EVENTS_PER_SECOND: '10',
        AGGREGATOR_METRIC_EVENTS_BURST: '100',
      },
      { now: time.now },
    );
  });
  after(() => server.close());

  it('limits each token, not each body: new beacons with one token share its bucket', async () => {
    const t = time.token();
    let accepted = 0;
    for (let i = 0; i < 5; i += 1) {
      const reply = await postBeacon(
        server,
        beacon(
          t,
          Array.from({ length: 10 }, () => beat),
        ),
      );
      accepted +=
        reply.status === 204 ? 10 : (JSON.parse(reply.body) as { accepted: number }).accepted;
    }
    assert.equal(accepted, 20);
    assert.equal(sample((await scrape(server)).text, rejected('rate_limited')), 30);
  });

  it('caps a metric across all clients: many valid tokens move it by at most the ceiling', async () => {
    const before = sample((await scrape(server)).text, BEAT);
    // 50 pages × 20 heartbeats at one instant: 1,000 valid events; the ceiling's burst left is 80.
    for (let page = 0; page < 50; page += 1)
      await postBeacon(
        server,
        beacon(
          time.token(),
          Array.from({ length: 20 }, () => beat),
        ),
      );
    let { text } = await scrape(server);
    assert.equal(sample(text, BEAT) - before, 80);
    assert.equal(sample(text, rejected('metric_ceiling')), 1000 - 80);
    // Other metrics have their own ceiling: a flood of heartbeats does not starve app loads.
    assert.equal((await postBeacon(server, beacon(time.token(), [load]))).status, 204);
    // It refills at its rate: 10 s later, 100 more (the burst), no more.
    time.state.now += 10_000;
    for (let page = 0; page < 10; page += 1)
      await postBeacon(
        server,
        beacon(
          time.token(),
          Array.from({ length: 20 }, () => beat),
        ),
      );
    ({ text } = await scrape(server));
    assert.equal(sample(text, BEAT) - before, 180);
    assert.equal(sample(text, LOAD), 1);
  });
});

/**
 * The attack at small scale: 2,000 invented page ids (the old `sid`) and forged tokens,
 * 50 events each, then the same with valid tokens the attacker fetched like any page would.
 * Nothing forged is counted but the refusals; the valid flood moves a metric only by the ceiling.
 */
describe('the forged-metrics attack', () => {
  const time = clock();
  let server: AggregatorServer;
  before(async () => {
    server = await startAggregator(
      { AGGREGATOR_METRIC_EVENTS_PER_SECOND: '5', AGGREGATOR_METRIC_EVENTS_BURST: '500' },
      { now: time.now },
    );
  });
  after(() => server.close());

  async function flood(beacons: string[]): Promise<Map<number, number>> {
    const statuses = new Map<number, number>();
    for (let i = 0; i < beacons.length; i += 50) {
      const replies = await Promise.all(beacons.slice(i, i + 50).map((b) => postBeacon(server, b)));
      for (const r of replies) statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
    }
    return statuses;
  }

  it('counts nothing from 2,000 invented page ids but the refusals', async () => {
    const errors = Array.from({ length: 50 }, () => ({
      m: 'classroom_client_errors_total',
      l: { app: 'student', kind: 'uncaught_error' },
      v: 10,
    }));
    const invented = Array.from({ length: 2000 }, (_, i) =>
      i % 2 === 0
        ? JSON.stringify({ v: 1, sid: `page-${i}-attack`, events: errors })
        : beacon(`${'A'.repeat(32)}.${i.toString().padStart(43, 'B')}`, errors),
    );
    assert.deepEqual(
      [...(await flood(invented))],
      [
        [400, 1000],
        [401, 1000],
      ],
    );
    const { text } = await scrape(server);
    assert.equal(
      sample(text, 'classroom_client_errors_total{app="student",kind="uncaught_error"}'),
      0,
    );
    assert.equal(sample(text, 'metrics_aggregator_events_accepted_total'), 0);
    assert.equal(sample(text, rejected('outdated_beacon')), 1000);
    assert.equal(sample(text, rejected('token_invalid')), 1000 * 50);
    assert.equal(
      sample(text, 'metrics_aggregator_rate_limited_pages'),
      0,
      'no state kept for them',
    );
  });

  it('lets 2,000 valid tokens move app loads and errors by at most the ceiling', async () => {
    const TOKENS = Array.from({ length: 2000 }, () => time.token());
    const loads = (i: number) =>
      beacon(TOKENS[i]!, [
        ...Array.from({ length: 5 }, () => ({ ...load, l: { app: 'student', outcome: 'error' } })),
        ...Array.from({ length: 45 }, () => ({
          m: 'classroom_client_errors_total',
          l: { app: 'student', kind: 'uncaught_error' },
          v: 10,
        })),
      ]);
    await flood(TOKENS.map((_, i) => loads(i)));
    const { text } = await scrape(server);
    // Once per page: at most one load per token; and the ceiling: at most its burst per metric.
    assert.equal(sample(text, 'classroom_app_loads_total{app="student",outcome="error"}'), 500);
    const errorEvents =
      sample(text, 'classroom_client_errors_total{app="student",kind="uncaught_error"}') / 10;
    assert.equal(errorEvents, 500);
    assert.equal(sample(text, rejected('once_per_page')), 2000 * 4);
    assert.equal(sample(text, rejected('metric_ceiling')), 2000 - 500 + 2000 * 45 - 500);
    assert.ok(sample(text, 'metrics_aggregator_rate_limited_pages') <= 2000);
    const lint = await promtoolCheckMetrics(text);
    assert.equal(lint.ok, true, lint.output);
  });
});
