import {
  closedDatesSchema,
  schoolDaysSchema,
  type SchoolCalendar as ClockCalendar,
} from '@classpulse/metrics-aggregator/school-clock';
import { aggregatorCalendarEnv } from '../../src/calendar/aggregator-env.ts';
import {
  schoolCalendarSchema,
  type SchoolCalendarInput,
} from '../../src/calendar/school-calendar.ts';
import { APP_LOADS_ALERT } from '../../src/rules/app-loads.ts';
import {
  districtSeries,
  minuteOf,
  US_DISTRICT,
  type AppTraffic,
  type DistrictModel,
  type Moment,
} from './district-traffic.ts';
import { promtoolTestRulesAsync, ruleFile, type PromtoolResult } from './promtool.ts';

/**
 * App-load alert scenarios on one timeline of modelled district traffic. Each scenario is its
 * own `app` (the rules compare per app), so one promtool run replays many of them over the same
 * weeks, calendar and clock changes; assertions read the ALERTS series promtool records.
 */

/** The deployment's calendar as the aggregator gets it: stack option → env → its own parser. */
export function aggregatorCalendar(input: SchoolCalendarInput = {}): ClockCalendar {
  const env = aggregatorCalendarEnv(schoolCalendarSchema.parse(input));
  return {
    timeZone: env.AGGREGATOR_SCHOOL_TIME_ZONE,
    schoolDays: schoolDaysSchema.parse(env.AGGREGATOR_SCHOOL_DAYS),
    closedRanges: closedDatesSchema.parse(env.AGGREGATOR_SCHOOL_CLOSED_DATES),
  };
}

/** A local moment: `['2026-11-02', '07:10']`. */
export type LocalTime = readonly [date: string, time: string];

type Check =
  | { kind: 'firing' | 'notFiring'; app: string; at: LocalTime }
  | { kind: 'silent'; app: string; from: LocalTime; to: LocalTime }
  | { kind: 'value'; series: string; app: string; at: LocalTime; value: number }
  | {
      kind: 'expr';
      expr: string;
      at: LocalTime;
      samples: Array<{ labels: string; value: number }>;
    };

/**
 * How often promtool evaluates the rules in a replay. Production evaluates every minute; a
 * replay of weeks at that pace costs promtool time that grows with the square of the weeks
 * (each evaluation's baseline query reads every chunk of the recorded history), so replays
 * evaluate every 3 minutes (every 2 took twice the CPU: 18 CPU-minutes against 9.6 for the four
 * timelines, the longest test in CI). What that changes:
 * - firing and resolving come at most 2 minutes LATER than in production, never earlier, so a
 *   check that a page is out by minute 13 (or resolved by 28) holds for production as well;
 * - a silent stretch would miss a page only when the condition holds for 8 to 10 minutes and
 *   then stops (production pages after 8); at 2 minutes that gap was 8 to 9;
 * - recorded series are read up to 2 minutes old (the value checks sit in flat stretches of the
 *   day; 4 minutes is too coarse: the spring usual at 16:10 reads a sample from another band).
 */
export const REPLAY_EVALUATION_INTERVAL = '3m';

export class Timeline {
  readonly model: DistrictModel;
  private readonly apps: Record<string, AppTraffic> = {};
  private readonly checks: Array<Check & { why: string }> = [];

  constructor(options: {
    start: string;
    weeks: number;
    calendar?: SchoolCalendarInput;
    unreachable?: (at: Moment) => boolean;
  }) {
    this.model = {
      calendar: aggregatorCalendar(options.calendar),
      start: options.start,
      weeks: options.weeks,
      dailyNoise: US_DISTRICT.dailyNoise,
      seed: US_DISTRICT.seed,
      ...(options.unreachable ? { unreachable: options.unreachable } : {}),
    };
  }

  /** The model minute of a local moment. */
  minute([date, time]: LocalTime): number {
    return minuteOf(this.model, date, time);
  }

  /** Local moment + minutes, as promtool's eval time. */
  private evalTime(at: LocalTime, plusMinutes = 0): string {
    return `${this.minute(at) + plusMinutes}m`;
  }

  app(name: string, traffic: AppTraffic): this {
    this.apps[name] = traffic;
    return this;
  }

  /** The alert fires for `app` at `at` (a page goes out). */
  firing(app: string, at: LocalTime, why: string): this {
    this.checks.push({ kind: 'firing', app, at, why });
    return this;
  }

  notFiring(app: string, at: LocalTime, why: string): this {
    this.checks.push({ kind: 'notFiring', app, at, why });
    return this;
  }

  /** The alert never fires for `app` from `from` to `to` (neither end excluded). */
  silent(app: string, from: LocalTime, to: LocalTime, why: string): this {
    this.checks.push({ kind: 'silent', app, from, to, why });
    return this;
  }

  /** A recorded series has this value (±0.5%, or ±1.5) for `app` at `at`. */
  value(series: string, app: string, at: LocalTime, value: number, why: string): this {
    this.checks.push({ kind: 'value', series, app, at, value, why });
    return this;
  }

  /** Any query's exact samples at `at`. */
  expr(
    expr: string,
    at: LocalTime,
    samples: Array<{ labels: string; value: number }>,
    why: string,
  ): this {
    this.checks.push({ kind: 'expr', expr, at, samples, why });
    return this;
  }

  /** Runs promtool once over the whole timeline; the result names the failed checks' reasons. */
  async run(): Promise<PromtoolResult & { checks: number }> {
    const firingNow = (app: string) =>
      `count(ALERTS{alertname="${APP_LOADS_ALERT}",alertstate="firing",app="${app}"}) or vector(0)`;
    const tests = this.checks.map((check) => {
      switch (check.kind) {
        case 'firing':
        case 'notFiring':
          return {
            expr: firingNow(check.app),
            eval_time: this.evalTime(check.at),
            exp_samples: [{ labels: '{}', value: check.kind === 'firing' ? 1 : 0 }],
          };
        case 'silent': {
          const minutes = this.minute(check.to) - this.minute(check.from);
          return {
            expr: `sum(count_over_time(ALERTS{alertname="${APP_LOADS_ALERT}",alertstate="firing",app="${check.app}"}[${minutes}m])) or vector(0)`,
            eval_time: this.evalTime(check.to),
            exp_samples: [{ labels: '{}', value: 0 }],
          };
        }
        case 'expr':
          return {
            expr: check.expr,
            eval_time: this.evalTime(check.at),
            exp_samples: check.samples,
          };
        case 'value':
          // Counters are whole loads: allow a load either way, or 0.5%.
          return {
            expr: `abs(${check.series}{app="${check.app}"} - ${check.value}) <= bool ${Math.max(1.5, check.value * 0.005)}`,
            eval_time: this.evalTime(check.at),
            exp_samples: [{ labels: `{app="${check.app}"}`, value: 1 }],
          };
      }
    });
    const result = await promtoolTestRulesAsync(
      [ruleFile('app-loads')],
      {
        interval: '1m',
        input_series: districtSeries(this.model, this.apps),
        alert_rule_test: [],
        promql_expr_test: tests,
      },
      REPLAY_EVALUATION_INTERVAL,
    );
    // promtool names a failed check by expression and time: list what each one means.
    const output = result.ok
      ? result.output
      : `${result.output}\nChecks (eval time → why):\n${this.checks
          .map(
            (check, i) => `  ${tests[i]!.eval_time} ${tests[i]!.expr.slice(0, 60)}… → ${check.why}`,
          )
          .join('\n')}`;
    return { ...result, output, checks: tests.length };
  }
}
