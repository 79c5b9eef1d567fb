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
 * median of what is left, so two odd weeks (a break, a fortnight of double traffic) cannot move
 * it. See k8s/runbooks/app-loads-below-usual.md for why these windows and thresholds.
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
  /** The 90% comparison needs at least two open days to take a median of. */
  belowMinWeeks: 2,
  pendingFor: '8m',
  keepFiringFor: '10m',
} as const;

export const APP_LOADS_ALERT = 'AppLoadsBelowUsual';
const LOADS = 'classroom_app_loads_total{outcome="success"}';
const SHIFT = 'classroom:school_clock_dst_shift_seconds:max';
const OPEN = 'classroom:school_clock_open:min';
const HOURS_PER_WEEK = 168;

/** Recorded series names (per `app`). */
export const APP_LOADS_SERIES = {
  today: (window: string) => `classroom:app_loads_success:increase${window}`,
  sameLocalTime: (window: string) =>
    `classroom:app_loads_success:increase${window}_same_local_time`,
  usual: (window: string) => `classroom:app_loads_success:usual_increase${window}`,
  ratio: (window: string) => `classroom:app_loads_success:ratio${window}`,
  usualWeeks: 'classroom:app_loads_success:usual_weeks',
  shift: SHIFT,
  open: OPEN,
} as const;

const indent = (text: string, spaces: number) =>
  text
    .split('\n')
    .map((line) => ' '.repeat(spaces) + line)
    .join('\n');

/** `window`'s recorded loads `hoursBack` + `shiftHours` × weeks back, labelled with their week. */
function weeksBack(window: string, shiftHours: number): string {
  return Array.from({ length: BASELINE_WEEKS }, (_, i) => {
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
function sameLocalTime(window: string): string {
  const choice = [
    `(\n${indent(weeksBack(window, 1), 2)}\n)\nand on (weeks_ago) (${SHIFT} == 3600)`,
    `(\n${indent(weeksBack(window, -1), 2)}\n)\nand on (weeks_ago) (${SHIFT} == -3600)`,
    `(\n${indent(weeksBack(window, 0), 2)}\n)\nunless on (weeks_ago) (abs(${SHIFT}) == 3600)`,
  ].join('\nor\n');
  return `(\n${indent(choice, 2)}\n)\nunless on (weeks_ago) (${OPEN} == 0)`;
}

/** The loads in the last `window`: what the baseline reads weeks later. */
const todayRule = (window: string) => ({
  record: APP_LOADS_SERIES.today(window),
  expr: `sum by (app) (increase(${LOADS}[${window}]))`,
});

function windowRules(window: string): Array<Record<string, string>> {
  return [
    todayRule(window),
    { record: APP_LOADS_SERIES.sameLocalTime(window), expr: sameLocalTime(window) },
    {
      record: APP_LOADS_SERIES.usual(window),
      expr: `quantile by (app) (0.5, ${APP_LOADS_SERIES.sameLocalTime(window)})`,
    },
    {
      // No reports at all count as zero loads, not as healthy: an app that had loads at this
      // local time before and has no series now is at zero.
      record: APP_LOADS_SERIES.ratio(window),
      expr: `(\n  ${APP_LOADS_SERIES.today(window)}\n  or\n  0 * ${APP_LOADS_SERIES.usual(window)}\n)\n/ on (app)\n${APP_LOADS_SERIES.usual(window)}`,
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
    `The usual is the median of the same local time on the ${valueOf(APP_LOADS_SERIES.usualWeeks)} school days among the same weekday of the last ${BASELINE_WEEKS} weeks.`,
    'Pages fail to load, or their reports no longer arrive.',
  ].join(' '),
  runbook_url:
    'https://github.com/classpulse/classpulse/blob/main/k8s/runbooks/app-loads-below-usual.md',
  dashboard_url: 'https://grafana.classpulse.example/d/classroom-health',
};

function alertExpr(): string {
  const a = APP_LOADS;
  const s = APP_LOADS_SERIES;
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

/** The rule group, as app-loads.rules.yml holds it. */
export function appLoadsRuleGroup(): RuleGroup {
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
      ...windowRules(APP_LOADS.longWindow),
      {
        record: APP_LOADS_SERIES.usualWeeks,
        expr: `count by (app) (${APP_LOADS_SERIES.sameLocalTime(APP_LOADS.longWindow)})`,
      },
      ...windowRules(APP_LOADS.shortWindow),
      {
        alert: APP_LOADS_ALERT,
        expr: alertExpr(),
        for: APP_LOADS.pendingFor,
        keep_firing_for: APP_LOADS.keepFiringFor,
        labels: { severity: 'page' },
        annotations: APP_LOADS_ANNOTATIONS,
      },
    ],
  };
}
