import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { promtoolTestRules, ruleFile, runTool } from './support/promtool.ts';
import {
  at,
  counterValues,
  SAMPLE_INTERVAL,
  schoolHours,
  type HourContext,
} from './support/school-traffic.ts';

const RULES = ruleFile('app-loads');
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
  return promtoolTestRules(
    [RULES],
    {
      interval: SAMPLE_INTERVAL,
      input_series: [{ series: SERIES, values: counterValues(4, perHour) }],
      alert_rule_test: expectations.map((e) => ({
        eval_time: e.eval_time,
        alertname: e.alert ?? 'AppLoadsBelowUsual',
        exp_alerts: e.firing ? FIRING[e.alert ?? 'AppLoadsBelowUsual'] : [],
      })),
    },
    '5m',
  );
}

const both = (eval_time: string, firing: boolean): Expectation[] => [
  { eval_time, firing },
  { eval_time, firing, alert: 'AppLoadsDroppedSharply' },
];

describe('app-load alerts (promtool test rules, four generated weeks of school traffic)', () => {
  it('passes promtool check rules', () => {
    const result = runTool('promtool', ['check', 'rules', RULES]);
    assert.equal(result.ok, true, result.output);
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
