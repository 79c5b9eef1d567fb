import { BASELINE_WEEKS, SCHOOL_CLOCK_METRICS } from '@classpulse/metrics-aggregator/school-clock';
import type { RuleGroup } from '../manifests/rule-files.ts';

/**
 * The business alert on successful app loads, generated because its baseline is the same query
 * for each past week and each window, three offsets apiece (k8s/prometheus/rules/
 * app-loads.rules.yml is this module's output; `npm run rules -w @classpulse/k8s` rewrites it
 * and a test fails when it is stale).
 *
 * The comparison: loads in the last 20 minutes (and 5) against the same local time on the same
 * weekday of the last five weeks. Local time comes from the aggregator's school clock (Prometheus
 * 2.42 only knows UTC): per past week it says whether the same local time is 167, 168 or 169
 * hours back and whether that day was a school day. Closed days drop out; the usual is the
 * lower third of what is left, so two odd weeks (a break, a fortnight of double traffic) cannot
 * move it. See k8s/runbooks/app-loads-below-usual.md for why these windows and thresholds.
 */
export const APP_LOADS = {
  /** The window that says a drop is real: long enough that noise averages out. */
  longWindow: '20m',
  /** The window that says the drop is still going on: short, so recovery resolves quickly. */
  shortWindow: '5m',
  /** Paging threshold: below 90% of the usual over the long window… */
  belowRatio: 0.9,
  /** …while the short window has not come back to within 5% of the usual. */
  stillLowRatio: 0.95,
  /** Loads mostly gone (at most half) over the short window: pages small deployments too. */
  stoppedRatio: 0.5,
  /** Volume guards, in loads in the window at this local time (see the runbook). */
  belowMinUsualLoads: 600,
  stoppedMinUsualLoads: 25,
  /** The 90% comparison needs at least two school days to compare with. */
  belowMinWeeks: 2,
  pendingFor: '8m',
  keepFiringFor: '10m',
} as const;

export const APP_LOADS_ALERT = 'AppLoadsBelowUsual';
/**
 * The usual is this quantile of the past school days, not their median: with a holiday skipped
 * and two weeks of double traffic among the four left, the median lands halfway up and pages
 * for weeks; the lower third stays with the ordinary days. Lower also errs towards silence.
 */
export const APP_LOADS_QUANTILE = 0.3333;
const LOADS = 'classroom_app_loads_total{outcome="success"}';
const SHIFT = 'classroom:school_clock_dst_shift_seconds:max';
const OPEN = 'classroom:school_clock_open:min';
const HOURS_PER_WEEK = 168;

/**
 * How the usual is taken: the production choice, and the ones it was measured against
 * (bench/alert-baselines.ts replays the scenarios with each).
 */
export interface BaselineChoice {
  /** '' for production; otherwise suffixes the variant's series and alert names. */
  id: string;
  /** Past weeks compared, at most BASELINE_WEEKS. */
  weeks: number;
  /** `lowerThird`: the quantile ⅓ of the days, the lower of the middle values. */
  aggregate: 'median' | 'lowerThird' | 'max';
  /** Leave out days the calendar marks closed. */
  skipClosedDays: boolean;
  /** Follow clock changes (167/168/169 h); false compares 168 h of UTC. */
  localTime: boolean;
}

export const PRODUCTION_BASELINE: BaselineChoice = {
  id: '',
  weeks: BASELINE_WEEKS,
  aggregate: 'lowerThird',
  skipClosedDays: true,
  localTime: true,
};

/** Recorded series names (per `app`) of a baseline choice. */
export function appLoadsSeries(choice: BaselineChoice = PRODUCTION_BASELINE) {
  const v = choice.id ? `:${choice.id}` : '';
  return {
    today: (window: string) => `classroom:app_loads_success:increase${window}`,
    sameLocalTime: (window: string) =>
      `classroom:app_loads_success:increase${window}_same_local_time${v}`,
    usual: (window: string) => `classroom:app_loads_success:usual_increase${window}${v}`,
    ratio: (window: string) => `classroom:app_loads_success:ratio${window}${v}`,
    usualWeeks: `classroom:app_loads_success:usual_weeks${v}`,
    shift: SHIFT,
    open: OPEN,
  };
}

export const APP_LOADS_SERIES = appLoadsSeries();
export const alertName = (choice: BaselineChoice = PRODUCTION_BASELINE) =>
  choice.id ? `${APP_LOADS_ALERT}_${choice.id}` : APP_LOADS_ALERT;

const indent = (text: string, spaces: number) =>
  text
    .split('\n')
    .map((line) => ' '.repeat(spaces) + line)
    .join('\n');

/** `window`'s recorded loads `shiftHours` + whole weeks back, labelled with their week. */
function weeksBack(window: string, shiftHours: number, weeks: number): string {
  return Array.from({ length: weeks }, (_, i) => {
    const k = i + 1;
    const offset = k * HOURS_PER_WEEK + shiftHours;
    return `label_replace(${APP_LOADS_SERIES.today(window)} offset ${offset}h, "weeks_ago", "${k}", "", "")`;
  }).join('\nor\n');
}

/**
 * Loads in `window` at the same local time on the same weekday of each past week that was a
 * school day: per week, 169 h back after the clocks fell back, 167 h after they sprang forward,
 * else 168 h (also when the school clock is missing, so the alert never goes blind).
 */
function sameLocalTime(window: string, c: BaselineChoice): string {
  const choice = c.localTime
    ? [
        `(\n${indent(weeksBack(window, 1, c.weeks), 2)}\n)\nand on (weeks_ago) (${SHIFT} == 3600)`,
        `(\n${indent(weeksBack(window, -1, c.weeks), 2)}\n)\nand on (weeks_ago) (${SHIFT} == -3600)`,
        `(\n${indent(weeksBack(window, 0, c.weeks), 2)}\n)\nunless on (weeks_ago) (abs(${SHIFT}) == 3600)`,
      ].join('\nor\n')
    : weeksBack(window, 0, c.weeks);
  return c.skipClosedDays
    ? `(\n${indent(choice, 2)}\n)\nunless on (weeks_ago) (${OPEN} == 0)`
    : choice;
}

/** The loads in the last `window`: what the baseline reads weeks later. */
const todayRule = (window: string) => ({
  record: APP_LOADS_SERIES.today(window),
  expr: `sum by (app) (increase(${LOADS}[${window}]))`,
});

function baselineRules(window: string, c: BaselineChoice): Array<Record<string, string>> {
  const s = appLoadsSeries(c);
  return [
    { record: s.sameLocalTime(window), expr: sameLocalTime(window, c) },
    {
      record: s.usual(window),
      expr:
        c.aggregate === 'max'
          ? `max by (app) (${s.sameLocalTime(window)})`
          : `quantile by (app) (${c.aggregate === 'median' ? '0.5' : APP_LOADS_QUANTILE}, ${s.sameLocalTime(window)})`,
    },
    {
      // No reports at all count as zero loads, not as healthy: an app that had loads at this
      // local time before and has no series now is at zero.
      record: s.ratio(window),
      expr: `(\n  ${s.today(window)}\n  or\n  0 * ${s.usual(window)}\n)\n/ on (app)\n${s.usual(window)}`,
    },
  ];
}

/** `{{ value of <series>{app=this app} }}`, rounded, or "?" when Prometheus has none. */
const valueOf = (series: string) =>
  `{{ with printf "${series}{app='%s'}" $labels.app | query }}{{ . | first | value | printf "%.0f" }}{{ else }}?{{ end }}`;

export const APP_LOADS_ANNOTATIONS = {
  summary:
    'Successful {{ $labels.app }} app loads are at {{ $value | humanizePercentage }} of the usual for this local time.',
  description: [
    `Last ${APP_LOADS.longWindow}: ${valueOf(APP_LOADS_SERIES.today(APP_LOADS.longWindow))} successful loads against a usual ${valueOf(APP_LOADS_SERIES.usual(APP_LOADS.longWindow))};`,
    `last ${APP_LOADS.shortWindow}: ${valueOf(APP_LOADS_SERIES.today(APP_LOADS.shortWindow))} against ${valueOf(APP_LOADS_SERIES.usual(APP_LOADS.shortWindow))}.`,
    `The usual is the lower third of the same local time on the ${valueOf(APP_LOADS_SERIES.usualWeeks)} school days among the same weekday of the last ${BASELINE_WEEKS} weeks.`,
    'Pages fail to load, or their reports no longer arrive.',
  ].join(' '),
  runbook_url:
    'https://github.com/classpulse/classpulse/blob/main/k8s/runbooks/app-loads-below-usual.md',
  dashboard_url: 'https://grafana.classpulse.example/d/classroom-health',
};

function alertExpr(c: BaselineChoice): string {
  const a = APP_LOADS;
  const s = appLoadsSeries(c);
  const below = [
    `${s.ratio(a.longWindow)} < ${a.belowRatio}`,
    `and on (app) ${s.ratio(a.shortWindow)} < ${a.stillLowRatio}`,
    `and on (app) ${s.usual(a.longWindow)} >= ${a.belowMinUsualLoads}`,
    `and on (app) ${s.usualWeeks} >= ${a.belowMinWeeks}`,
  ].join('\n');
  const stopped = [
    `${s.ratio(a.shortWindow)} <= ${a.stoppedRatio}`,
    `and on (app) ${s.usual(a.shortWindow)} >= ${a.stoppedMinUsualLoads}`,
  ].join('\n');
  return `(\n${indent(below, 2)}\nor\n${indent(stopped, 2)}\n)\nunless on () (${OPEN}{weeks_ago="0"} == 0)`;
}

/** Only the rules that read raw counters: a fresh Prometheus backfills their history. */
export function appLoadsHistoryRuleGroup(): RuleGroup {
  return {
    name: 'classroom-app-loads-history',
    interval: '1m',
    rules: [todayRule(APP_LOADS.longWindow), todayRule(APP_LOADS.shortWindow)],
  };
}

/** The baseline, the ratios and the alert for one baseline choice. */
function baselineAndAlert(c: BaselineChoice): Array<Record<string, unknown>> {
  const s = appLoadsSeries(c);
  return [
    ...baselineRules(APP_LOADS.longWindow, c),
    {
      record: s.usualWeeks,
      expr: `count by (app) (${s.sameLocalTime(APP_LOADS.longWindow)})`,
    },
    ...baselineRules(APP_LOADS.shortWindow, c),
    {
      alert: alertName(c),
      expr: alertExpr(c),
      for: APP_LOADS.pendingFor,
      keep_firing_for: APP_LOADS.keepFiringFor,
      labels: { severity: 'page' },
      annotations: APP_LOADS_ANNOTATIONS,
    },
  ];
}

/**
 * The rule group, as app-loads.rules.yml holds it. `variants` adds other baseline choices
 * beside production, each with its own series and alert (for bench/alert-baselines.ts only).
 */
export function appLoadsRuleGroup(variants: readonly BaselineChoice[] = []): RuleGroup {
  return {
    name: 'classroom-app-loads',
    interval: '1m',
    rules: [
      // One series per week whatever the number of aggregator replicas (they agree).
      {
        record: SHIFT,
        expr: `max by (weeks_ago) (${SCHOOL_CLOCK_METRICS.dstShift})`,
      },
      { record: OPEN, expr: `min by (weeks_ago) (${SCHOOL_CLOCK_METRICS.open})` },
      todayRule(APP_LOADS.longWindow),
      todayRule(APP_LOADS.shortWindow),
      ...baselineAndAlert(PRODUCTION_BASELINE),
      ...variants.flatMap(baselineAndAlert),
    ],
  };
}
