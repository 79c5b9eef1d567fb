import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  epochDay,
  isoDate,
  SCHOOL_CLOCK_METRICS,
} from '@classpulse/metrics-aggregator/school-clock';
import { TODAY_SO_FAR_QUERIES } from '../src/dashboards/app-loads-today.ts';
import { aggregatorCalendar, type LocalTime } from './support/app-load-scenarios.ts';
import {
  districtSeries,
  loadsInMinute,
  minuteOf,
  momentAt,
  US_DISTRICT,
  type AppTraffic,
  type DistrictModel,
} from './support/district-traffic.ts';
import { promtoolTestRulesAsync, type ExprTest, type InputSeries } from './support/promtool.ts';

/**
 * The classroom-health panel "today so far against the same local time 7 days ago" replayed
 * through promtool over modelled district traffic (school 07:30–15:30 America/New_York, ±4% a
 * day, the aggregator's school clock): its queries, with Grafana's `$__range` set to the time
 * since local midnight as the panel's `now/d` makes it, must return exactly the loads the model
 * put between local midnight and now, today and on the same weekday a week before, across both
 * clock changes, on the days they happen and the same weekdays after.
 */

const WEEK_MINUTES = 7 * 24 * 60;
const TRAFFIC: Record<string, AppTraffic> = {
  student: { loadsPerHour: US_DISTRICT.student },
  teacher: { loadsPerHour: US_DISTRICT.teacher },
};

function model(start: string, weeks: number): DistrictModel {
  return {
    calendar: aggregatorCalendar(),
    start,
    weeks,
    dailyNoise: US_DISTRICT.dailyNoise,
    seed: US_DISTRICT.seed,
  };
}

/** The model's successful loads of one app in model minutes (from, to]: what the counters gain. */
const counters = new Map<string, number[]>();
/**
 * The loads counter as the model writes it: each of the two aggregator replicas counts half
 * and exposes whole loads (district-traffic.ts), so the panel sees rounded totals.
 */
function counterAt(m: DistrictModel, traffic: AppTraffic, minute: number): number {
  const key = `${m.start}/${traffic.loadsPerHour}/${String(traffic.multiplier)}`;
  let totals = counters.get(key);
  if (!totals) counters.set(key, (totals = [0]));
  let perReplica = totals.length > 1 ? totals[totals.length - 1]! : 0;
  for (let i = totals.length; i <= minute; i += 1) {
    perReplica += loadsInMinute(m, traffic, momentAt(m, i)) / 2;
    totals.push(perReplica);
  }
  return 2 * Math.round(totals[minute]!);
}

function loadsBetween(m: DistrictModel, traffic: AppTraffic, from: number, to: number): number {
  return counterAt(m, traffic, to) - counterAt(m, traffic, from);
}

/** A panel query as Grafana sends it: `$__range` since local midnight, one app selected. */
const asGrafanaSends = (expr: string, rangeMinutes: number, app: string) =>
  expr.replaceAll('$__range', `${rangeMinutes}m`).replaceAll('$app', app);

interface Reading {
  now: number;
  rangeMinutes: number;
  today: number;
  sevenDaysAgo: number;
  /** Last week from its local midnight for as long as today has run: wrong across a change. */
  sameLength: number;
  /** 168 h of UTC back: wrong for the week after a change. */
  utcWeek: number;
}

/** What the model says the panel should show at a local moment, for one app. */
function reading(m: DistrictModel, traffic: AppTraffic, [date, time]: LocalTime): Reading {
  const weekAgo = isoDate(epochDay(date)! - 7);
  const now = minuteOf(m, date, time);
  const midnight = minuteOf(m, date, '00:00');
  const rangeMinutes = now - midnight;
  const lastMidnight = minuteOf(m, weekAgo, '00:00');
  return {
    now,
    rangeMinutes,
    today: loadsBetween(m, traffic, midnight, now),
    sevenDaysAgo: loadsBetween(m, traffic, lastMidnight, minuteOf(m, weekAgo, time)),
    sameLength: loadsBetween(m, traffic, lastMidnight, lastMidnight + rangeMinutes),
    utcWeek: loadsBetween(m, traffic, now - WEEK_MINUTES - rangeMinutes, now - WEEK_MINUTES),
  };
}

/** promtool checks that `expr` (as Grafana sends it) is `expected` within 0.1% for `app`. */
function within(expr: string, expected: number, r: Reading, app: string): ExprTest {
  return {
    expr: `round((${asGrafanaSends(expr, r.rangeMinutes, app)}) / ${expected} * 1000)`,
    eval_time: `${r.now}m`,
    exp_samples: [{ labels: `{app="${app}"}`, value: 1000 }],
  };
}

/** The three queries at a moment, for every app: today, 7 days ago and their ratio. */
function panelChecks(m: DistrictModel, at: LocalTime): { tests: ExprTest[]; readings: Reading[] } {
  const readings: Reading[] = [];
  const tests = Object.entries(TRAFFIC).flatMap(([app, traffic]) => {
    const r = reading(m, traffic, at);
    readings.push(r);
    return [
      within(TODAY_SO_FAR_QUERIES.A, r.today, r, app),
      within(TODAY_SO_FAR_QUERIES.B, r.sevenDaysAgo, r, app),
      within(TODAY_SO_FAR_QUERIES.C, r.today / r.sevenDaysAgo, r, app),
    ];
  });
  return { tests, readings };
}

const off = (wrong: number, right: number) => Math.abs(wrong / right - 1);

async function replay(m: DistrictModel, input: InputSeries[], tests: ExprTest[]) {
  const result = await promtoolTestRulesAsync([], {
    interval: '1m',
    input_series: input,
    promql_expr_test: tests,
  });
  assert.equal(result.ok, true, result.output);
}

describe(
  'dashboard: today so far against the same local time 7 days ago (promtool over modelled traffic)',
  { concurrency: true },
  () => {
    it('autumn: an ordinary day, the Sunday the clocks fall back, the Monday after, the Sunday a week on', async () => {
      const m = model('2026-10-19', 3);
      const moments: Array<[LocalTime, keyof Reading | null]> = [
        [['2026-10-28', '12:00'], null], // no change in the week: 168 h
        [['2026-11-01', '11:00'], 'sameLength'], // 00:00 EDT to 11:00 EST: an hour longer today
        [['2026-11-02', '09:00'], 'utcWeek'], // 169 h back
        [['2026-11-08', '11:00'], 'sameLength'], // last week's day was the longer one
      ];
      const tests: ExprTest[] = [];
      for (const [at, wrong] of moments) {
        const checks = panelChecks(m, at);
        tests.push(...checks.tests);
        // The moments matter: reading the other way would be more than 5% off.
        if (wrong)
          for (const r of checks.readings)
            assert.ok(off(r[wrong], r.sevenDaysAgo) > 0.05, `${at.join(' ')}: ${wrong} differs`);
      }
      await replay(m, districtSeries(m, TRAFFIC), tests);
    });

    it('spring: the Sunday the clocks spring forward, the Monday after, the Sunday a week on', async () => {
      const m = model('2027-03-01', 3);
      const moments: Array<[LocalTime, keyof Reading]> = [
        [['2027-03-14', '11:00'], 'sameLength'], // 00:00 EST to 11:00 EDT: an hour shorter
        [['2027-03-15', '09:00'], 'utcWeek'], // 167 h back
        [['2027-03-21', '11:00'], 'sameLength'],
      ];
      const tests: ExprTest[] = [];
      for (const [at, wrong] of moments) {
        const checks = panelChecks(m, at);
        tests.push(...checks.tests);
        for (const r of checks.readings)
          assert.ok(off(r[wrong], r.sevenDaysAgo) > 0.05, `${at.join(' ')}: ${wrong} differs`);
      }
      await replay(m, districtSeries(m, TRAFFIC), tests);
    });

    it('an app with no loads since midnight is at 0%, and without the school clock the week back is 168 h', async () => {
      const m = model('2026-10-19', 3);
      const day = '2026-10-28';
      const gone: AppTraffic = {
        loadsPerHour: US_DISTRICT.teacher,
        // Every aggregator lost this app's series today: nothing to read, not zero.
        replicas: (at) => (at.date === day ? 0 : 2),
      };
      const input = districtSeries(m, { ...TRAFFIC, projector: gone }).filter(
        (s) => !s.series.startsWith(SCHOOL_CLOCK_METRICS.dstShift),
      );
      const ordinary = reading(m, TRAFFIC.student!, [day, '12:00']);
      const afterChange = reading(m, TRAFFIC.student!, ['2026-11-02', '09:00']);
      await replay(m, input, [
        {
          expr: asGrafanaSends(TODAY_SO_FAR_QUERIES.C, ordinary.rangeMinutes, 'projector'),
          eval_time: `${ordinary.now}m`,
          exp_samples: [{ labels: '{app="projector"}', value: 0 }],
        },
        within(TODAY_SO_FAR_QUERIES.B, ordinary.sevenDaysAgo, ordinary, 'student'),
        within(TODAY_SO_FAR_QUERIES.B, afterChange.utcWeek, afterChange, 'student'),
      ]);
    });
  },
);
