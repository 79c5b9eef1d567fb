import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import {
  at,
  counterValues,
  SAMPLE_INTERVAL,
  schoolHours,
  type HourContext,
} from './support/school-traffic.ts';

const RULES = fileURLToPath(new URL('../prometheus/rules/app-loads.rules.yml', import.meta.url));
const SERIES = 'classroom_app_loads_total{app="student",outcome="success"}';
const ANNOTATIONS = {
  summary: 'Successful app loads are below 90% of the usual for this time of week.',
  description:
    "Students' browsers reported fewer successful loads over the last 24 hours than 90% of the median of the same window one, two and three weeks ago. Pages may fail to load, or reports may not arrive.",
  runbook_url:
    'https://github.com/classpulse/classpulse/blob/main/k8s/runbooks/app-loads-below-usual.md',
  dashboard_url: 'https://grafana.classpulse.example/d/classroom-health',
};
const FAST_ANNOTATIONS = {
  summary: 'Successful app loads in the last hour are under half of the usual for this hour.',
  description:
    "Students' browsers reported fewer than half the successful loads of the same hour one, two and three weeks ago (median). Pages are failing now, or their reports stopped.",
  runbook_url:
    'https://github.com/classpulse/classpulse/blob/main/k8s/runbooks/app-loads-dropped-sharply.md',
  dashboard_url: 'https://grafana.classpulse.example/d/classroom-health',
};
const FIRING = {
  AppLoadsBelowUsual: [{ exp_labels: { severity: 'page' }, exp_annotations: ANNOTATIONS }],
  AppLoadsDroppedSharply: [{ exp_labels: { severity: 'page' }, exp_annotations: FAST_ANNOTATIONS }],
};
type AlertName = keyof typeof FIRING;

interface Expectation {
  eval_time: string;
  firing: boolean;
  /** AppLoadsBelowUsual unless said. */
  alert?: AlertName;
}

/** Runs `promtool test rules` on one scenario: four weeks of traffic, alerts expected at times. */
function promtoolTest(perHour: (at: HourContext) => number | null, expectations: Expectation[]) {
  const dir = mkdtempSync(join(tmpdir(), 'classpulse-rules-'));
  try {
    const test = {
      rule_files: [RULES],
      evaluation_interval: '5m',
      tests: [
        {
          interval: SAMPLE_INTERVAL,
          input_series: [{ series: SERIES, values: counterValues(4, perHour) }],
          alert_rule_test: expectations.map((e) => ({
            eval_time: e.eval_time,
            alertname: e.alert ?? 'AppLoadsBelowUsual',
            exp_alerts: e.firing ? FIRING[e.alert ?? 'AppLoadsBelowUsual'] : [],
          })),
        },
      ],
    };
    const file = join(dir, 'test.yml');
    // JSON is YAML: promtool reads it as is.
    writeFileSync(file, JSON.stringify(test));
    const result = spawnSync('promtool', ['test', 'rules', file], { encoding: 'utf8' });
    if (result.error)
      throw new Error(
        `promtool not runnable (apt-get install prometheus): ${result.error.message}`,
      );
    return { ok: result.status === 0, output: `${result.stdout}${result.stderr}` };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const both = (eval_time: string, firing: boolean): Expectation[] => [
  { eval_time, firing },
  { eval_time, firing, alert: 'AppLoadsDroppedSharply' },
];

describe('app-load alerts (promtool test rules, four generated weeks of school traffic)', () => {
  it('passes promtool check rules', () => {
    const result = spawnSync('promtool', ['check', 'rules', RULES], { encoding: 'utf8' });
    assert.equal(result.status, 0, `${result.stdout}${result.stderr}`);
  });

  it('fires with its annotations when loads stop on a school morning, not before', () => {
    // Week 3 (the fourth), Tuesday from 08:00: nothing loads.
    const outage = (t: HourContext) =>
      t.week === 3 && (t.weekday > 1 || (t.weekday === 1 && t.hour >= 8)) ? 0 : schoolHours(t);
    const result = promtoolTest(outage, [
      ...both(at(3, 1, 7), false),
      // The fast companion pages within the first hour; the 24 h alert follows by the afternoon.
      { eval_time: at(3, 1, 9), firing: true, alert: 'AppLoadsDroppedSharply' },
      { eval_time: at(3, 1, 9), firing: false },
      { eval_time: at(3, 1, 15), firing: true },
    ]);
    assert.equal(result.ok, true, result.output);
  });

  it('is not fooled by one week of double traffic in the baseline', () => {
    const doubleWeek = (t: HourContext) => (t.week === 1 ? 2 : 1) * schoolHours(t);
    const times = [at(3, 0, 12), at(3, 2, 9), at(3, 4, 16), at(3, 6, 12)];
    const result = promtoolTest(
      doubleWeek,
      times.map((eval_time) => ({ eval_time, firing: false })),
    );
    assert.equal(result.ok, true, result.output);
  });

  it('stays silent through an ordinary week: school days, nights and weekends', () => {
    // Nights, weekends, and the edges of the school day (where traffic jumps or falls).
    const times = [
      at(3, 0, 3),
      at(3, 0, 9),
      at(3, 2, 15),
      at(3, 2, 16),
      at(3, 3, 23),
      at(3, 5, 3),
      at(3, 5, 22),
      at(3, 6, 12),
    ];
    const result = promtoolTest(
      schoolHours,
      times.map((eval_time) => ({ eval_time, firing: false })),
    );
    assert.equal(result.ok, true, result.output);
  });

  it('still fires when the metric goes stale (no reports count as zero loads)', () => {
    const stale = (t: HourContext) => (t.week === 3 && t.weekday >= 2 ? null : schoolHours(t));
    const result = promtoolTest(stale, [
      { eval_time: at(3, 1, 20), firing: false },
      { eval_time: at(3, 2, 20), firing: true },
    ]);
    assert.equal(result.ok, true, result.output);
  });
});
