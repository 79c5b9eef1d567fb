import {
  AGGREGATOR_METRICS,
  BEACON_RESULTS,
  CLIENT_METRICS,
  PROBE_ERROR_KINDS,
  PROBE_FAILURE_REASONS,
  PROBE_KINDS,
  PROBE_METRICS,
  PROBE_PHASES,
  PROBE_SELF_METRICS,
  PROBE_TRANSPORTS,
  PROMTOOL_REJECTED_DEFAULT_METRICS,
  REJECT_REASONS,
  WEB_DB_POOL_STATES,
  WEB_DB_QUERY_OUTCOMES,
  WEB_RETENTION_KINDS,
  WEB_RETENTION_OUTCOMES,
  WEB_SERVER_METRICS,
} from '@classpulse/metrics-aggregator/catalog';
import { BASELINE_WEEKS, SCHOOL_CLOCK_METRICS } from '@classpulse/metrics-aggregator/school-clock';
import { REALTIME_METRICS } from '@classpulse/realtime/metrics';

/**
 * What a dashboard or rule query may name: the metrics the services export, as their catalogs
 * publish them, and a short list of standard names. A small PromQL reader finds the metric names,
 * label matchers and `by`/`without` labels in an expression so tests can hold queries to it.
 * Whether an expression parses at all is promtool's job, not this reader's.
 */

export interface MetricInfo {
  /** Where the name comes from, for messages. */
  source: string;
  histogram: boolean;
  /** Every label the service puts on it (before Prometheus adds target labels), if published. */
  labels?: readonly string[];
  /** Closed sets of label values, where the catalog publishes them. */
  values: Readonly<Record<string, readonly string[]>>;
}

/**
 * Standard names outside the catalogs: Prometheus' `up` and the prom-client default metrics the
 * dashboards use, spelled out one by one (no prefix wildcard, so a typo is still caught).
 */
export const STANDARD_METRICS = [
  'up',
  'process_cpu_seconds_total',
  'process_resident_memory_bytes',
  'process_start_time_seconds',
  'nodejs_eventloop_lag_p99_seconds',
  'nodejs_heap_size_used_bytes',
] as const;

/**
 * Labels Prometheus adds to every scraped series (scrape config and prometheus-operator): the
 * runbook query test holds this list to the labels the synthesized ServiceMonitors produce.
 */
export const TARGET_LABELS = [
  'job',
  'instance',
  'namespace',
  'service',
  'pod',
  'container',
  'endpoint',
] as const;

/** Every metric name a query may use; `recordingRules` are the `record:` names of rule files. */
export function knownMetrics(recordingRules: Iterable<string>): Map<string, MetricInfo> {
  const known = new Map<string, MetricInfo>();
  const add = (name: string, info: MetricInfo) => {
    if (known.has(name)) throw new Error(`metric ${name} is defined twice`);
    known.set(name, info);
  };
  for (const [name, def] of Object.entries(CLIENT_METRICS))
    add(name, {
      source: 'the client metric catalog',
      histogram: def.type === 'histogram',
      labels: Object.keys(def.labels),
      values: def.labels,
    });
  for (const def of Object.values(REALTIME_METRICS))
    add(def.name, {
      source: '@classpulse/realtime/metrics',
      histogram: def.type === 'histogram',
      labels: def.labelNames,
      values: {},
    });
  const webValues: Record<string, Readonly<Record<string, readonly string[]>>> = {
    [WEB_SERVER_METRICS.queryDuration.name]: { outcome: WEB_DB_QUERY_OUTCOMES },
    [WEB_SERVER_METRICS.pool.name]: { state: WEB_DB_POOL_STATES },
    [WEB_SERVER_METRICS.retentionDeleted.name]: { kind: WEB_RETENTION_KINDS },
    [WEB_SERVER_METRICS.retentionRuns.name]: { outcome: WEB_RETENTION_OUTCOMES },
  };
  for (const def of Object.values(WEB_SERVER_METRICS))
    add(def.name, {
      source: 'WEB_SERVER_METRICS',
      histogram: def.type === 'histogram',
      labels: def.labelNames,
      values: webValues[def.name] ?? {},
    });
  // The probe and aggregator metrics' label names live in their services; the catalog publishes
  // the names and the closed value sets, so values are checked where a label is known to hold one.
  for (const kind of PROBE_KINDS) {
    add(PROBE_METRICS[kind].duration, {
      source: 'PROBE_METRICS',
      histogram: true,
      values: { phase: PROBE_PHASES[kind], transport: PROBE_TRANSPORTS },
    });
    add(PROBE_METRICS[kind].runs, {
      source: 'PROBE_METRICS',
      histogram: false,
      values: { transport: PROBE_TRANSPORTS, reason: PROBE_FAILURE_REASONS },
    });
  }
  add(PROBE_SELF_METRICS.serverTimeOffset, {
    source: 'PROBE_SELF_METRICS',
    histogram: false,
    values: {},
  });
  add(PROBE_SELF_METRICS.lastRun, {
    source: 'PROBE_SELF_METRICS',
    histogram: false,
    values: { check: PROBE_KINDS },
  });
  add(PROBE_SELF_METRICS.errors, {
    source: 'PROBE_SELF_METRICS',
    histogram: false,
    values: { kind: PROBE_ERROR_KINDS },
  });
  add(AGGREGATOR_METRICS.beacons, {
    source: 'AGGREGATOR_METRICS',
    histogram: false,
    values: { result: BEACON_RESULTS },
  });
  add(AGGREGATOR_METRICS.rejected, {
    source: 'AGGREGATOR_METRICS',
    histogram: false,
    values: { reason: REJECT_REASONS },
  });
  add(AGGREGATOR_METRICS.eventsAccepted, {
    source: 'AGGREGATOR_METRICS',
    histogram: false,
    values: {},
  });
  add(AGGREGATOR_METRICS.trackedPages, {
    source: 'AGGREGATOR_METRICS',
    histogram: false,
    values: {},
  });
  const weeks = Array.from({ length: BASELINE_WEEKS + 1 }, (_, k) => String(k));
  add(SCHOOL_CLOCK_METRICS.utcOffset, {
    source: 'SCHOOL_CLOCK_METRICS',
    histogram: false,
    values: {},
  });
  for (const name of [SCHOOL_CLOCK_METRICS.dstShift, SCHOOL_CLOCK_METRICS.open])
    add(name, {
      source: 'SCHOOL_CLOCK_METRICS',
      histogram: false,
      labels: ['weeks_ago'],
      values: { weeks_ago: weeks },
    });
  for (const name of new Set(recordingRules))
    add(name, { source: 'a recording rule', histogram: false, values: {} });
  const removed = new Set<string>(PROMTOOL_REJECTED_DEFAULT_METRICS);
  for (const name of STANDARD_METRICS) {
    if (removed.has(name)) throw new Error(`${name} is removed from every service's registry`);
    add(name, { source: 'the standard allow-list', histogram: false, values: {} });
  }
  return known;
}

/** A metric name as written, resolved to its definition (`x_bucket` → histogram `x` plus `le`). */
export function resolveMetric(
  name: string,
  known: ReadonlyMap<string, MetricInfo>,
): MetricInfo | undefined {
  const direct = known.get(name);
  if (direct) return direct;
  const series = /^(.+)_(bucket|sum|count)$/.exec(name);
  const base = series ? known.get(series[1]!) : undefined;
  if (!series || !base?.histogram) return undefined;
  return {
    ...base,
    histogram: false,
    labels: base.labels && (series[2] === 'bucket' ? [...base.labels, 'le'] : base.labels),
  };
}

// ---------------------------------------------------------------------------------------------
// Reading PromQL

interface Token {
  type: 'ident' | 'string' | 'number' | 'variable' | 'punct';
  text: string;
  /** A string's value without quotes. */
  value?: string;
}

const TOKEN_PATTERNS: Array<[Token['type'] | 'space' | 'comment', RegExp]> = [
  ['space', /^\s+/],
  ['comment', /^#[^\n]*/],
  // Grafana variables: $__rate_interval, $app, ${app}, ${app:regex}, [[app]].
  ['variable', /^(?:\$\{[^}]+\}|\$[A-Za-z_]\w*|\[\[[^\]]+\]\])/],
  ['string', /^(?:"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|`[^`]*`)/],
  // Durations (5m, 1h30m) before numbers, so `5m` is one token.
  ['number', /^(?:\d+(?:ms|[smhdwy]))+(?![\w:])/],
  ['number', /^(?:0x[0-9a-fA-F]+|(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)/],
  ['ident', /^[A-Za-z_:][A-Za-z0-9_:]*/],
  ['punct', /^(?:=~|!~|!=|==|<=|>=|[(){}[\],=<>+\-*/%^@])/],
];

export function tokenize(expr: string): Token[] {
  const tokens: Token[] = [];
  let rest = expr;
  while (rest.length > 0) {
    const hit = TOKEN_PATTERNS.map(([type, re]) => [type, re.exec(rest)] as const).find(
      ([, m]) => m,
    );
    if (!hit?.[1]) throw new Error(`cannot read ${JSON.stringify(rest.slice(0, 20))} in ${expr}`);
    const [type, match] = hit;
    const text = match[0];
    if (type !== 'space' && type !== 'comment')
      tokens.push(
        type === 'string' ? { type, text, value: unquote(text) } : { type, text: match[0] },
      );
    rest = rest.slice(text.length);
  }
  return tokens;
}

function unquote(literal: string): string {
  if (literal.startsWith('`')) return literal.slice(1, -1);
  const body = literal.slice(1, -1);
  return body.replace(/\\(.)/g, (_, c: string) => c);
}

const AGGREGATIONS = new Set([
  'sum',
  'avg',
  'min',
  'max',
  'count',
  'group',
  'stddev',
  'stdvar',
  'topk',
  'bottomk',
  'quantile',
  'count_values',
  'limitk',
  'limit_ratio',
]);
/** Words that are not metric names: set operators, modifiers and the like. */
const KEYWORDS = new Set(['and', 'or', 'unless', 'bool', 'atan2', 'inf', 'nan']);
const LABEL_LIST_KEYWORDS = new Set(['on', 'ignoring', 'group_left', 'group_right']);

export interface Matcher {
  label: string;
  op: '=' | '!=' | '=~' | '!~';
  value: string;
}
export interface Selector {
  metric: string;
  matchers: Matcher[];
}
export interface Grouping {
  /** `by` or `without`. */
  modifier: string;
  labels: string[];
  /**
   * The metrics inside the aggregated expression whose labels can reach it: not those in a
   * parenthesised right-hand side of `and`/`unless` or of a `group_left ()` match, which only
   * filter or scale the left side and lend it no labels.
   */
  metrics: string[];
}
export interface QueryNames {
  selectors: Selector[];
  groupings: Grouping[];
}

/** The metric selectors and aggregation labels of one PromQL expression (Grafana variables allowed). */
export function readQuery(expr: string): QueryNames {
  const tokens = tokenize(expr);
  const closing = matchBrackets(tokens, expr);
  const isPunct = (i: number, text: string) =>
    tokens[i]?.type === 'punct' && tokens[i]?.text === text;
  const identAt = (i: number) =>
    tokens[i]?.type === 'ident' ? tokens[i].text.toLowerCase() : undefined;
  const close = (i: number) => closing.get(i)!;

  const labelList = (open: number): string[] =>
    tokens
      .slice(open + 1, close(open))
      .filter((t) => t.type === 'ident' || t.type === 'string')
      .map((t) => t.value ?? t.text);
  const matchersIn = (open: number): Matcher[] => {
    const matchers: Matcher[] = [];
    for (let i = open + 1; i < close(open); i += 1) {
      const [label, op, value] = [tokens[i], tokens[i + 1], tokens[i + 2]];
      if (
        (label?.type === 'ident' || label?.type === 'string') &&
        op?.type === 'punct' &&
        ['=', '!=', '=~', '!~'].includes(op.text) &&
        value?.type === 'string'
      ) {
        matchers.push({
          label: label.value ?? label.text,
          op: op.text as Matcher['op'],
          value: value.value!,
        });
        i += 2;
      }
    }
    return matchers;
  };

  const selectors: Array<Selector & { at: number }> = [];
  const spans: Array<{ modifier: string; labels: string[]; from: number; to: number }> = [];
  const labelless = labellessOperands(tokens, closing);
  let i = 0;
  while (i < tokens.length) {
    const token = tokens[i]!;
    if (isPunct(i, '[')) {
      i = close(i) + 1; // a range or subquery: durations only
      continue;
    }
    if (isPunct(i, '{')) {
      // A selector without a leading name: {__name__="x", ...}.
      const matchers = matchersIn(i);
      const name = matchers.find((m) => m.label === '__name__' && m.op === '=')?.value;
      if (name) selectors.push({ at: i, metric: name, matchers });
      i = close(i) + 1;
      continue;
    }
    const word = identAt(i);
    if (word === undefined) {
      i += 1;
      continue;
    }
    if (
      (LABEL_LIST_KEYWORDS.has(word) || word === 'by' || word === 'without') &&
      isPunct(i + 1, '(')
    ) {
      // Vector matching, or a `by` after its aggregation's argument (read with the aggregation).
      i = close(i + 1) + 1;
      continue;
    }
    if (word === 'offset') {
      i += isPunct(i + 1, '-') ? 3 : 2;
      continue;
    }
    if (KEYWORDS.has(word) || LABEL_LIST_KEYWORDS.has(word)) {
      i += 1;
      continue;
    }
    if (AGGREGATIONS.has(word)) {
      let j = i + 1;
      let grouping: { modifier: string; labels: string[] } | undefined;
      const modifierAt = (k: number) => {
        const m = identAt(k);
        return (m === 'by' || m === 'without') && isPunct(k + 1, '(') ? m : undefined;
      };
      const before = modifierAt(j);
      if (before) {
        grouping = { modifier: before, labels: labelList(j + 1) };
        j = close(j + 1) + 1;
      }
      if (isPunct(j, '(')) {
        const after = modifierAt(close(j) + 1);
        if (!grouping && after) grouping = { modifier: after, labels: labelList(close(j) + 2) };
        if (grouping) spans.push({ ...grouping, from: j, to: close(j) });
      }
      i = j;
      continue;
    }
    if (isPunct(i + 1, '(')) {
      i += 1; // a function
      continue;
    }
    const matchers = isPunct(i + 1, '{') ? matchersIn(i + 1) : [];
    selectors.push({ at: i, metric: token.text, matchers });
    i = isPunct(i + 1, '{') ? close(i + 1) + 1 : i + 1;
  }
  return {
    selectors: selectors.map(({ metric, matchers }) => ({ metric, matchers })),
    groupings: spans.map(({ modifier, labels, from, to }) => ({
      modifier,
      labels,
      metrics: selectors
        .filter((s) => s.at > from && s.at < to)
        .filter((s) => !labelless.some((o) => o.from > from && s.at > o.from && s.at < o.to))
        .map((s) => s.metric),
    })),
  };
}

/**
 * Token spans of parenthesised operands that give the result no labels: the right-hand side of
 * `and`/`unless` (a filter: the left side's series come through as they are) and of a match
 * `on (…)`/`ignoring (…)` `group_left ()` with no labels to copy. Unparenthesised operands are not
 * found, so an aggregation around them is still held to their labels.
 */
function labellessOperands(
  tokens: Token[],
  closing: ReadonlyMap<number, number>,
): Array<{ from: number; to: number }> {
  const word = (i: number) => (tokens[i]?.type === 'ident' ? tokens[i].text.toLowerCase() : '');
  const opens = (i: number) => tokens[i]?.type === 'punct' && tokens[i]?.text === '(';
  /** Past an optional `on (…)`/`ignoring (…)` (or `bool`) starting at i. */
  const pastMatching = (i: number) => {
    if (word(i) === 'bool') return i + 1;
    return (word(i) === 'on' || word(i) === 'ignoring') && opens(i + 1)
      ? closing.get(i + 1)! + 1
      : i;
  };
  const spans: Array<{ from: number; to: number }> = [];
  tokens.forEach((_, i) => {
    let operand: number | undefined;
    if (word(i) === 'and' || word(i) === 'unless') operand = pastMatching(i + 1);
    else if (word(i) === 'group_left' && opens(i + 1) && closing.get(i + 1) === i + 2)
      operand = i + 3;
    if (operand !== undefined && opens(operand))
      spans.push({ from: operand, to: closing.get(operand)! });
  });
  return spans;
}

function matchBrackets(tokens: Token[], expr: string): Map<number, number> {
  const pairs: Record<string, string> = { ')': '(', '}': '{', ']': '[' };
  const open: number[] = [];
  const closing = new Map<number, number>();
  tokens.forEach((token, i) => {
    if (token.type !== 'punct') return;
    if ('({['.includes(token.text)) open.push(i);
    else if (token.text in pairs) {
      const from = open.pop();
      if (from === undefined || tokens[from]!.text !== pairs[token.text])
        throw new Error(`unbalanced ${token.text} in ${expr}`);
      closing.set(from, i);
    }
  });
  if (open.length > 0) throw new Error(`unclosed ${tokens[open.at(-1)!]!.text} in ${expr}`);
  return closing;
}

/** A regex matcher's alternatives when it is a plain list (`error|timeout`), else undefined. */
function alternatives(value: string): string[] | undefined {
  return /^[A-Za-z0-9_]+(?:\|[A-Za-z0-9_]+)*$/.test(value) ? value.split('|') : undefined;
}

/**
 * Problems with the names in one expression: unknown metrics, labels a metric does not carry
 * (in matchers and in `by`/`without`), and label values outside a published closed set. Values
 * holding a Grafana variable are not checked.
 */
export function checkQueryNames(expr: string, known: ReadonlyMap<string, MetricInfo>): string[] {
  let names: QueryNames;
  try {
    names = readQuery(expr);
  } catch (error) {
    return [(error as Error).message];
  }
  const problems: string[] = [];
  const labelsOf = (info: MetricInfo) =>
    info.labels && new Set<string>([...info.labels, ...TARGET_LABELS]);
  for (const { metric, matchers } of names.selectors) {
    const info = resolveMetric(metric, known);
    if (!info) {
      problems.push(`unknown metric ${metric}`);
      continue;
    }
    const labels = labelsOf(info);
    for (const { label, op, value } of matchers) {
      if (label === '__name__') continue;
      if (labels && !labels.has(label))
        problems.push(`${metric} has no label ${label} (${info.source})`);
      const allowed = info.values[label];
      if (!allowed || value.includes('$')) continue;
      const listed = op === '=' || op === '!=' ? [value] : alternatives(value);
      for (const v of listed ?? [])
        if (!allowed.includes(v))
          problems.push(`${metric}{${label}} has no value ${JSON.stringify(v)} (${info.source})`);
    }
  }
  for (const { modifier, labels: grouped, metrics } of names.groupings)
    for (const metric of metrics) {
      const info = resolveMetric(metric, known);
      const labels = info && labelsOf(info);
      if (!labels) continue;
      for (const label of grouped)
        if (!labels.has(label))
          problems.push(`${modifier} (${label}): ${metric} has no label ${label} (${info.source})`);
    }
  return problems;
}

/** Grafana's variables replaced by values promtool accepts. */
export function substituteGrafanaVariables(expr: string): string {
  const intervals: Record<string, string> = {
    __rate_interval: '5m',
    __interval: '1m',
    __range: '1d',
    __range_s: '86400',
    __range_ms: '86400000',
    __interval_ms: '60000',
  };
  return expr.replace(
    /\$\{([A-Za-z_]\w*)(?::[^}]*)?\}|\$([A-Za-z_]\w*)|\[\[([A-Za-z_]\w*)\]\]/g,
    (_, a?: string, b?: string, c?: string) => intervals[(a ?? b ?? c)!] ?? 'x',
  );
}

/** The Grafana variables an expression refers to (built-in `$__…` ones excluded). */
export function grafanaVariables(expr: string): string[] {
  return [
    ...expr.matchAll(/\$\{([A-Za-z_]\w*)(?::[^}]*)?\}|\$([A-Za-z_]\w*)|\[\[([A-Za-z_]\w*)\]\]/g),
  ]
    .map((m) => (m[1] ?? m[2] ?? m[3])!)
    .filter((name) => !name.startsWith('__'));
}
