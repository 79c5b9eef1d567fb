import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import { APPS, CLIENT_METRIC_NAMES, LOAD_OUTCOMES } from '../src/catalog/index.ts';
import type { AggregatorServer } from '../src/server/index.ts';
import { freshToken, postBeacon, scrape, startAggregator } from './support/aggregator.ts';
import { sample, sumOf } from './support/exposition.ts';
import { promtoolCheckMetrics } from './support/promtool.ts';

const known = new Set<string>(CLIENT_METRIC_NAMES);
/** Heartbeats: a page may send any number (an app load counts once per page and app). */
const validBeat = fc.record({
  m: fc.constant('classroom_client_heartbeats_total'),
  l: fc.record({ app: fc.constantFrom(...APPS) }),
  v: fc.integer({ min: 0, max: 10 }),
});
/** Events that are invalid by construction (not by asking the validator). */
const hostile = fc.oneof(
  fc
    .jsonValue()
    .filter(
      (v) =>
        !(
          typeof v === 'object' &&
          v !== null &&
          'm' in v &&
          typeof v.m === 'string' &&
          known.has(v.m)
        ),
    ),
  fc.record({
    m: fc.constant('classroom_app_loads_total'),
    l: fc.record({ app: fc.constantFrom(...APPS), outcome: fc.constantFrom(...LOAD_OUTCOMES) }),
    v: fc.oneof(
      fc.string(),
      fc.constant(null),
      fc.double({ max: -0.001 }),
      fc.double({ min: 2, noNaN: true }),
      fc.constant(1e308),
    ),
  }),
  fc.record({
    m: fc.constantFrom(...CLIENT_METRIC_NAMES),
    l: fc.dictionary(
      fc.string(),
      fc.string().map((s) => `${s}"\n\\`),
    ),
    v: fc.double(),
  }),
  fc.record({ m: fc.string().map((s) => `x${s}`), l: fc.object(), v: fc.anything() }),
);

/**
 * Random beacons mixing valid heartbeats with hostile events: whatever arrives, the server keeps
 * answering, the scrape stays valid for promtool, and every series equals what the valid events
 * sent.
 */
describe('ingest under random hostile input', () => {
  let server: AggregatorServer;
  before(async () => {
    server = await startAggregator({ AGGREGATOR_PAGE_EVENTS_BURST: '100000' });
  });
  after(() => server.close());

  it('counts exactly the valid events and keeps the exposition valid', async () => {
    const expected = new Map<string, number>();
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.oneof(
            validBeat.map((e) => ({ valid: true as const, e })),
            hostile.map((e) => ({ valid: false as const, e })),
          ),
          {
            maxLength: 30,
          },
        ),
        async (items) => {
          const reply = await postBeacon(
            server,
            JSON.stringify({ v: 2, t: freshToken(), events: items.map((i) => i.e) }),
          );
          assert.ok(reply.status === 204 || reply.status === 202, `status ${reply.status}`);
          for (const item of items)
            if (item.valid) {
              const key = `classroom_client_heartbeats_total{app="${item.e.l.app}"}`;
              expected.set(key, (expected.get(key) ?? 0) + item.e.v);
            }
        },
      ),
      { numRuns: 150, seed: 20261124 },
    );
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 200 }), async (body) => {
        const reply = await postBeacon(server, body);
        assert.ok(
          [204, 202, 400, 401].includes(reply.status),
          `status ${reply.status} for ${body}`,
        );
      }),
      { numRuns: 100, seed: 7 },
    );
    const { text } = await scrape(server);
    const lint = await promtoolCheckMetrics(text);
    assert.equal(lint.ok, true, lint.output);
    for (const [series, count] of expected) assert.equal(sample(text, series), count, series);
    const total = [...expected.values()].reduce((a, b) => a + b, 0);
    assert.equal(sumOf(text, 'classroom_client_heartbeats_total'), total);
    assert.equal(sumOf(text, 'classroom_app_loads_total'), 0, 'no hostile load was counted');
  });
});
