import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  CLSThresholds,
  FCPThresholds,
  INPThresholds,
  LCPThresholds,
  TTFBThresholds,
} from 'web-vitals';
import {
  CATALOG,
  catalogSchema,
  checkEvent,
  checkEventWithZod,
  CLIENT_METRIC_NAMES,
  NETWORK_CHECKS,
  WEB_VITAL_THRESHOLDS,
} from '../src/catalog/index.ts';

describe('catalog', () => {
  it('passes its own naming rules (checked again at import)', () => {
    assert.equal(catalogSchema.safeParse(CATALOG).success, true);
    assert.ok(CLIENT_METRIC_NAMES.length >= 14);
  });

  it('puts web-vitals histogram edges on the library’s own rating thresholds', () => {
    const library = {
      lcp: LCPThresholds.map((ms) => ms / 1000),
      inp: INPThresholds.map((ms) => ms / 1000),
      cls: CLSThresholds,
      fcp: FCPThresholds.map((ms) => ms / 1000),
      ttfb: TTFBThresholds.map((ms) => ms / 1000),
    };
    for (const [vital, thresholds] of Object.entries(WEB_VITAL_THRESHOLDS)) {
      assert.deepEqual([...thresholds], library[vital as keyof typeof library], vital);
      const name =
        vital === 'cls' ? 'classroom_web_vitals_cls' : `classroom_web_vitals_${vital}_seconds`;
      const def = CATALOG[name as keyof typeof CATALOG];
      assert.equal(def.type, 'histogram', name);
      if (def.type !== 'histogram') continue;
      for (const edge of thresholds)
        assert.ok(def.buckets.includes(edge), `${name} has a bucket at ${edge}`);
    }
  });

  it('has the metrics DESIGN.md names, each with an app label', () => {
    for (const name of [
      'classroom_app_loads_total',
      'classroom_app_load_duration_seconds',
      'classroom_client_errors_total',
      'classroom_client_heartbeats_total',
      'classroom_ws_dark_launch_connects_total',
      'classroom_ws_dark_launch_connect_duration_seconds',
    ])
      assert.ok(name in CATALOG, name);
    for (const name of CLIENT_METRIC_NAMES) assert.ok('app' in CATALOG[name].labels, name);
  });

  it('counts network check results by check and outcome, for the network check page only', () => {
    const def = CATALOG.classroom_network_check_results_total;
    assert.equal(def.type, 'counter');
    assert.deepEqual(def.labels.app, ['network_check']);
    assert.deepEqual(def.labels.check, [...NETWORK_CHECKS]);
    assert.deepEqual(def.labels.outcome, ['pass', 'warn', 'fail', 'not_applicable']);
    const ok = { app: 'network_check', check: 'realtime_websocket', outcome: 'fail' };
    assert.equal(checkEvent({ m: 'classroom_network_check_results_total', l: ok, v: 1 }).ok, true);
    const student = { ...ok, app: 'student' };
    assert.equal(
      checkEvent({ m: 'classroom_network_check_results_total', l: student, v: 1 }).ok,
      false,
    );
  });

  it('refuses entries that break Prometheus conventions or could carry ids', () => {
    const bad: Record<string, unknown> = {
      classroom_loads: {
        type: 'counter',
        help: 'A counter without _total.',
        labels: {},
        maxIncrement: 1,
      },
      classroom_delay_total: {
        type: 'histogram',
        help: 'A histogram named like a counter.',
        labels: {},
        buckets: [1, 2],
        min: 0,
        max: 10,
      },
      classroom_delay_ms: {
        type: 'histogram',
        help: 'Not a base unit.',
        labels: {},
        buckets: [1, 2],
        min: 0,
        max: 10,
      },
      classroom_wait_seconds: {
        type: 'histogram',
        help: 'Buckets out of order.',
        labels: {},
        buckets: [2, 1],
        min: 0,
        max: 10,
      },
      classroom_le_total: {
        type: 'counter',
        help: 'A reserved label name.',
        labels: { le: ['a'] },
        maxIncrement: 1,
      },
      classroom_free_total: {
        type: 'counter',
        help: 'A label value that is not a constant.',
        labels: { school: ['Lincoln "High"\n'] },
        maxIncrement: 1,
      },
      server_thing_total: {
        type: 'counter',
        help: 'Not a client metric name.',
        labels: {},
        maxIncrement: 1,
      },
    };
    for (const [name, def] of Object.entries(bad))
      assert.equal(catalogSchema.safeParse({ [name]: def }).success, false, name);
  });
});

describe('checkEvent (and the zod schemas it is compiled from)', () => {
  const load = { m: 'classroom_app_loads_total', l: { app: 'student', outcome: 'success' } };
  const lcp = { m: 'classroom_web_vitals_lcp_seconds', l: { app: 'teacher' } };
  const cases: Array<[string, unknown, string]> = [
    ['a valid increment', { ...load, v: 1 }, 'ok'],
    ['a valid observation', { ...lcp, v: 2.1 }, 'ok'],
    ['a string increment', { ...load, v: '1' }, 'invalid_value'],
    ['a negative increment', { ...load, v: -1 }, 'invalid_value'],
    ['a fractional increment', { ...load, v: 0.5 }, 'invalid_value'],
    ['an increment above the per-event cap', { ...load, v: 1e308 }, 'invalid_value'],
    ['Infinity (1e999 in JSON)', { ...lcp, v: Number.POSITIVE_INFINITY }, 'invalid_value'],
    ['NaN', { ...lcp, v: Number.NaN }, 'invalid_value'],
    ['a string observation', { ...lcp, v: 'slow' }, 'invalid_value'],
    ['an observation out of bounds', { ...lcp, v: 1e308 }, 'invalid_value'],
    ['a negative observation', { ...lcp, v: -0.1 }, 'invalid_value'],
    ['an unknown metric', { m: 'classroom_bitcoin_total', l: {}, v: 1 }, 'unknown_metric'],
    ['"constructor" as a metric', { m: 'constructor', l: {}, v: 1 }, 'unknown_metric'],
    ['"__proto__" as a metric', { m: '__proto__', l: {}, v: 1 }, 'unknown_metric'],
    [
      'a label value with quotes and a newline',
      { ...load, l: { app: 'student"\n}', outcome: 'success' }, v: 1 },
      'invalid_label',
    ],
    [
      'a label value not in the list',
      { ...load, l: { app: 'admin', outcome: 'success' }, v: 1 },
      'invalid_label',
    ],
    ['a missing label', { ...load, l: { app: 'student' }, v: 1 }, 'invalid_label'],
    ['an extra label', { ...load, l: { ...load.l, school: 'lincoln' }, v: 1 }, 'invalid_label'],
    [
      '"__proto__" as a label',
      {
        ...load,
        l: JSON.parse('{"app":"student","outcome":"success","__proto__":{"x":1}}') as object,
        v: 1,
      },
      'invalid_label',
    ],
    [
      'a number as a label value',
      { ...load, l: { app: 1, outcome: 'success' }, v: 1 },
      'invalid_label',
    ],
    ['no metric name', { l: {}, v: 1 }, 'malformed_event'],
    ['an array', ['classroom_app_loads_total', 1], 'malformed_event'],
    ['null', null, 'malformed_event'],
  ];
  for (const [what, event, expected] of cases)
    it(`${expected === 'ok' ? 'accepts' : 'drops'} ${what}`, () => {
      for (const check of [checkEvent(event), checkEventWithZod(event)])
        assert.equal(check.ok ? 'ok' : check.reason, expected);
    });
});
