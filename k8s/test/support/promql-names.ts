import {
  AGGREGATOR_METRICS,
  CLIENT_METRICS,
  PROBE_METRICS,
  PROBE_SELF_METRICS,
} from '@classpulse/metrics-aggregator/catalog';

/** PromQL words that look like identifiers but name no metric. */
const KEYWORDS = new Set([
  'by',
  'without',
  'on',
  'ignoring',
  'group_left',
  'group_right',
  'offset',
  'bool',
  'and',
  'or',
  'unless',
  'inf',
  'nan',
  'atan2',
]);

/**
 * The metric names an expression reads: identifiers that are not functions (followed by `(`),
 * keywords, label names (inside `{}` or `by (...)`), strings, durations or numbers. Histogram
 * series (`_bucket`, `_sum`, `_count`) are returned as written.
 */
export function metricNamesIn(expr: string): string[] {
  const bare = expr
    .replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|`[^`]*`/g, '""')
    .replace(/\{[^}]*\}/g, ' ')
    .replace(/\[[^\]]*\]/g, ' ')
    .replace(/\b(?:by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)/g, ' ');
  const names = new Set<string>();
  for (const match of bare.matchAll(/(?<![\w.:])[a-zA-Z_:][\w:]*/g)) {
    const rest = bare.slice((match.index ?? 0) + match[0].length);
    if (/^\s*\(/.test(rest) || KEYWORDS.has(match[0].toLowerCase())) continue;
    names.add(match[0]);
  }
  return [...names];
}

const HISTOGRAM_SERIES = ['_bucket', '_sum', '_count'];

/** Every series name a catalog metric exposes (histograms as their three series too). */
export function catalogSeriesNames(): Set<string> {
  const names = new Set<string>();
  const add = (name: string, histogram: boolean) => {
    names.add(name);
    if (histogram) for (const suffix of HISTOGRAM_SERIES) names.add(`${name}${suffix}`);
  };
  for (const [name, def] of Object.entries(CLIENT_METRICS)) add(name, def.type === 'histogram');
  for (const { duration, runs } of Object.values(PROBE_METRICS)) {
    add(duration, true);
    add(runs, false);
  }
  for (const name of Object.values(PROBE_SELF_METRICS)) add(name, false);
  for (const name of Object.values(AGGREGATOR_METRICS)) add(name, false);
  return names;
}
