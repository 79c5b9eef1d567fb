import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { AggregatorServer } from '../src/server/index.ts';
import { freshToken, postBeacon, startAggregator } from './support/aggregator.ts';
import { startPrometheus, type RunningPrometheus } from '../src/testing/index.ts';

/** Polls a query until `accept` holds (Prometheus scrapes every second). */
async function eventually<T>(
  read: () => Promise<T>,
  accept: (value: T) => boolean,
  what: string,
): Promise<T> {
  const deadline = Date.now() + 30_000;
  let last: T = await read();
  while (!accept(last)) {
    if (Date.now() > deadline) assert.fail(`${what}: last ${JSON.stringify(last)}`);
    await new Promise((r) => setTimeout(r, 250));
    last = await read();
  }
  return last;
}

/**
 * Real Prometheus (Debian `prometheus`) scrapes two aggregator replicas; browsers' beacons are
 * spread over both, and PromQL sums them back to exactly what the browsers reported.
 */
describe('Prometheus scraping the aggregator', () => {
  let replicas: AggregatorServer[];
  let prometheus: RunningPrometheus;
  before(async () => {
    replicas = [await startAggregator(), await startAggregator()];
    prometheus = await startPrometheus({
      jobs: { 'metrics-aggregator': replicas.map((r) => new URL(r.internalUrl).host) },
    });
  });
  after(async () => {
    await prometheus?.stop();
    await Promise.all(replicas.map((r) => r.close()));
  });

  it('returns what the browsers reported, summed over replicas', async () => {
    const pages = [
      { app: 'student', outcome: 'success', tti: 1.2 },
      { app: 'student', outcome: 'success', tti: 2.4 },
      { app: 'student', outcome: 'error', tti: null },
      { app: 'teacher', outcome: 'success', tti: 0.8 },
      { app: 'projector', outcome: 'success', tti: 3.5 },
    ];
    for (const [i, page] of pages.entries()) {
      const events: unknown[] = [
        { m: 'classroom_app_loads_total', l: { app: page.app, outcome: page.outcome }, v: 1 },
        { m: 'classroom_client_heartbeats_total', l: { app: page.app }, v: 1 },
      ];
      if (page.tti !== null)
        events.push({
          m: 'classroom_app_load_duration_seconds',
          l: { app: page.app },
          v: page.tti,
        });
      const reply = await postBeacon(
        replicas[i % 2]!,
        JSON.stringify({ v: 2, t: freshToken(), events }),
      );
      assert.equal(reply.status, 204);
    }
    // A hostile beacon in between does not break the scrape.
    await postBeacon(
      replicas[0]!,
      JSON.stringify({ v: 2, t: freshToken(), events: [{ m: 'constructor', v: '1e308' }] }),
    );

    const byOutcome = await eventually(
      () => prometheus.query('sum by (app, outcome) (classroom_app_loads_total) > 0'),
      (r) => r.reduce((s, x) => s + x.value, 0) === pages.length,
      'app loads summed over replicas',
    );
    const loads = Object.fromEntries(
      byOutcome.map((r) => [`${r.metric.app}/${r.metric.outcome}`, r.value]),
    );
    assert.deepEqual(loads, {
      'student/success': 2,
      'student/error': 1,
      'teacher/success': 1,
      'projector/success': 1,
    });

    const up = await prometheus.query('up{job="metrics-aggregator"}');
    assert.deepEqual(
      up.map((r) => r.value),
      [1, 1],
    );
    const ttiCount = await prometheus.query('sum(classroom_app_load_duration_seconds_count)');
    assert.equal(ttiCount[0]?.value, 4);
    const underTwo = await prometheus.query(
      'sum(classroom_app_load_duration_seconds_bucket{le="2"})',
    );
    assert.equal(underTwo[0]?.value, 2, 'TTI 1.2 s and 0.8 s fall at or under the 2 s edge');
    const rejected = await prometheus.query(
      'sum(metrics_aggregator_rejected_total{reason="unknown_metric"})',
    );
    assert.equal(rejected[0]?.value, 1);
  });
});
