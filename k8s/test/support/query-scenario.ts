import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  readQuery,
  resolveMetric,
  type Matcher,
  type MetricInfo,
} from '../../src/dashboards/promql-check.ts';
import type { RuleGroup } from '../../src/manifests/rule-files.ts';
import type { ScrapedTarget } from '../../src/manifests/scrape-targets.ts';
import { servesMetric } from '../../src/runbooks/exposed-metrics.ts';
import { promtoolTestRules, type InputSeries, type PromtoolResult } from './promtool.ts';

/**
 * A healthy stack, as promtool input, for one PromQL query: every metric the query reads (and
 * every metric the recording rules it reads are built from) as a series from each target that
 * really serves it, carrying that target's labels as the manifests produce them. The query's own
 * matchers choose only the metric's own labels (`outcome`, `kind`); target labels (`job`,
 * `service`, `namespace`, …) are never taken from the query, so a query naming a job no
 * ServiceMonitor produces finds nothing. Every target is up, counters grow by 10 a minute,
 * gauges read 1 (or their `gaugeValues`), histograms fill two buckets.
 *
 * The series span what the query and its rules look back over (ranges plus offsets, through
 * every recording rule), sampled as coarsely as their shortest range allows (promtool's run
 * time grows with samples × evaluations), and the query is evaluated on a weekday at 15:00 UTC
 * (school hours in America/New_York), in case a rule only records during the school day.
 */

export interface QueryContext {
  targets: readonly ScrapedTarget[];
  /** Metric names and what the catalogs say about them (`knownMetrics`). */
  known: ReadonlyMap<string, MetricInfo>;
  /** The deployed rule groups: recording rules the query reads are evaluated from them. */
  ruleGroups: readonly RuleGroup[];
  /**
   * What a gauge reads on a healthy stack where 1 would not do (a flag whose 1 means closed, a
   * UTC offset in seconds); every other gauge reads 1.
   */
  gaugeValues?: Readonly<Record<string, number>>;
}

export interface QueryScenario {
  /** promtool's sample and evaluation interval. */
  interval: string;
  evalTime: string;
  /** Only the recording rules the query needs, in their groups and order. */
  ruleGroups: RuleGroup[];
  inputSeries: InputSeries[];
}

export class ScenarioError extends Error {
  override name = 'ScenarioError';
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const UNIT_MS: Record<string, number> = {
  ms: 1,
  s: 1000,
  m: MINUTE,
  h: HOUR,
  d: DAY,
  w: 7 * DAY,
  y: 365 * DAY,
};
const DURATION = '(?:\\d+(?:ms|[smhdwy]))+';

function durationMs(text: string): number {
  let total = 0;
  for (const [, n, unit] of text.matchAll(/(\d+)(ms|[smhdwy])/g))
    total += Number(n) * UNIT_MS[unit!]!;
  return total;
}

/** The ranges (`[5m]`, a subquery's `[1h:5m]`) and the positive offsets of one expression. */
function lookbacks(expr: string): { ranges: number[]; offsets: number[] } {
  const ranges = [...expr.matchAll(new RegExp(`\\[\\s*(${DURATION})\\s*(?::[^\\]]*)?\\]`, 'g'))];
  const offsets = [...expr.matchAll(new RegExp(`\\boffset\\s+(${DURATION})`, 'gi'))];
  return {
    ranges: ranges.map((m) => durationMs(m[1]!)),
    offsets: offsets.map((m) => durationMs(m[1]!)),
  };
}

/** Every rule recording `name`, with its group. */
function recordingRules(groups: readonly RuleGroup[], name: string) {
  return groups.flatMap((group) =>
    group.rules
      .filter((rule) => rule.record === name)
      .map((rule) => ({ group, rule, expr: String(rule.expr) })),
  );
}

/** A value of `label` satisfying every matcher on it, from the catalog's closed set if any. */
function labelValue(metric: string, label: string, matchers: Matcher[], closed: readonly string[]) {
  const literal = (re: string) =>
    re
      .replace(/^\^|\$$/g, '')
      .replace(/\.\*/g, '')
      .replace(/\.\+/g, 'x')
      .replace(/\./g, '0')
      .replace(/\\(.)/g, '$1');
  const candidates = [
    ...closed,
    ...matchers.flatMap((m) =>
      m.op === '=' || m.op === '!=' ? [m.value] : [literal(m.value), ...m.value.split('|')],
    ),
    'other',
  ];
  const full = (re: string, value: string) => new RegExp(`^(?:${re})$`).test(value);
  const satisfies = (value: string) =>
    matchers.every((m) =>
      m.op === '='
        ? value === m.value
        : m.op === '!='
          ? value !== m.value
          : m.op === '=~'
            ? full(m.value, value)
            : !full(m.value, value),
    );
  const value = candidates.find(satisfies);
  if (value === undefined)
    throw new ScenarioError(
      `no value of ${metric}{${label}} satisfies ${matchers.map((m) => `${label}${m.op}"${m.value}"`).join(', ')}; give the label a closed set in the catalog`,
    );
  return value;
}

const labelText = (labels: Record<string, string>) =>
  `{${Object.entries(labels)
    .map(([k, v]) => `${k}=${JSON.stringify(v)}`)
    .join(', ')}}`;

/** The promtool input for one query; throws a ScenarioError naming what cannot be built. */
export function scenarioFor(query: string, context: QueryContext): QueryScenario {
  const { targets, known, ruleGroups } = context;
  const targetLabels = new Set(targets.flatMap((t) => Object.keys(t.labels)));
  const isHistogram = (name: string) => known.get(name)?.histogram === true;

  // Walk the query and the recording rules it reads, down to scraped metrics.
  const neededRules = new Set<Record<string, unknown>>();
  const selectors: Array<{ metric: string; matchers: Matcher[] }> = [];
  const seen = new Map<string, number>();
  const reach = (expr: string, path: string[]): number => {
    const { ranges, offsets } = lookbacks(expr);
    let deepest = 0;
    for (const selector of readQuery(expr).selectors) {
      const rules = recordingRules(ruleGroups, selector.metric);
      if (rules.length === 0) {
        selectors.push(selector);
        continue;
      }
      if (path.includes(selector.metric))
        throw new ScenarioError(`recording rules loop: ${[...path, selector.metric].join(' → ')}`);
      if (!seen.has(selector.metric)) {
        let span = 0;
        for (const { rule, expr: ruleExpr } of rules) {
          neededRules.add(rule);
          span = Math.max(span, reach(ruleExpr, [...path, selector.metric]));
        }
        seen.set(selector.metric, span);
      }
      deepest = Math.max(deepest, seen.get(selector.metric)!);
    }
    return Math.max(0, ...ranges) + Math.max(0, ...offsets) + deepest;
  };
  const span = reach(query, []);
  const shortestRange = Math.min(
    Infinity,
    ...[query, ...[...neededRules].map((r) => String(r.expr))].flatMap((e) => lookbacks(e).ranges),
  );

  // Samples: as coarse as the shortest range allows (at least four samples in it).
  const step = [15 * MINUTE, 5 * MINUTE, MINUTE].find((s) => s * 4 <= shortestRange) ?? MINUTE;
  // A weekday at 15:00 UTC, at least the span (and an hour to spare) after the first sample.
  let day = Math.max(0, Math.ceil((span + HOUR - 15 * HOUR) / DAY));
  while ([0, 6].includes((4 + day) % 7)) day += 1; // 1970-01-01 was a Thursday
  const evalMs = day * DAY + 15 * HOUR;
  const samples = evalMs / step;
  const perSample = (10 * step) / MINUTE;

  const series = new Map<string, string>();
  for (const { metric, matchers } of selectors) {
    const info = resolveMetric(metric, known);
    const serving = targets.filter((t) => servesMetric(t.image, metric, isHistogram));
    if (serving.length === 0)
      throw new ScenarioError(
        `no scrape target serves ${metric}: it is in no catalog a service builds its metrics from (src/runbooks/exposed-metrics.ts), or no ServiceMonitor scrapes that service`,
      );
    // The metric's own labels, from the query's matchers; only labels it can carry (`up` none).
    const own: Record<string, string> = {};
    const byLabel = new Map<string, Matcher[]>();
    for (const m of matchers)
      if (m.label !== '__name__' && !targetLabels.has(m.label))
        byLabel.set(m.label, [...(byLabel.get(m.label) ?? []), m]);
    const carries = metric === 'up' ? [] : info?.labels;
    for (const [label, ms] of byLabel)
      if (!carries || carries.includes(label))
        own[label] = labelValue(metric, label, ms, info?.values[label] ?? []);
    const counter = /_(total|bucket|count|sum)$/.test(metric);
    const buckets = metric.endsWith('_bucket') && !('le' in own) ? ['0.5', '+Inf'] : [undefined];
    for (const target of serving)
      for (const le of buckets) {
        const labels = { __name__: metric, ...target.labels, ...own, ...(le ? { le } : {}) };
        const growth = le === '0.5' ? perSample / 2 : perSample;
        const gauge = metric === 'up' ? 1 : (context.gaugeValues?.[metric] ?? 1);
        const values = counter ? `0+${growth}x${samples}` : `${gauge}+0x${samples}`;
        const { __name__, ...rest } = labels;
        series.set(`${__name__}${labelText(rest)}`, values);
      }
  }

  return {
    interval: `${step / MINUTE}m`,
    evalTime: `${evalMs / HOUR}h`,
    ruleGroups: ruleGroups
      .map((group) => ({ ...group, rules: group.rules.filter((r) => neededRules.has(r)) }))
      .filter((group) => group.rules.length > 0),
    inputSeries: [...series].map(([name, values]) => ({ series: name, values })),
  };
}

/**
 * `promtool test rules`: does the query return at least one series at the scenario's eval time?
 * (`count(q) > bool 0` is 1 when it does and nothing when it does not; a query that does not
 * parse fails promtool too.)
 */
export function queryReturnsSeries(query: string, scenario: QueryScenario): PromtoolResult {
  const dir = mkdtempSync(join(tmpdir(), 'classpulse-runbook-'));
  try {
    const rules = join(dir, 'needed.rules.yml');
    writeFileSync(rules, JSON.stringify({ groups: scenario.ruleGroups }));
    return promtoolTestRules(
      scenario.ruleGroups.length > 0 ? [rules] : [],
      {
        interval: scenario.interval,
        input_series: scenario.inputSeries,
        promql_expr_test: [
          {
            expr: `count((\n${query}\n)) > bool 0`,
            eval_time: scenario.evalTime,
            exp_samples: [{ labels: '{}', value: 1 }],
          },
        ],
      },
      // Recording rules that read weeks back (the app-load baseline) are evaluated every 5 min:
      // enough for the query to see what they record, and a fifth of the evaluations.
      scenario.ruleGroups.length > 0 ? '5m' : scenario.interval,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
