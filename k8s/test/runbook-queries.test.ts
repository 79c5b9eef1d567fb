import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { stringify } from 'yaml';
import { checkQueryNames, knownMetrics, TARGET_LABELS } from '../src/dashboards/promql-check.ts';
import { loadRuleGroups } from '../src/manifests/rule-files.ts';
import { scrapedTargets } from '../src/manifests/scrape-targets.ts';
import { synthesize } from '../src/manifests/synthesize.ts';
import { SERVICE_METRICS, serviceOfImage } from '../src/runbooks/exposed-metrics.ts';
import {
  loadRunbookQueries,
  queriesIn,
  RUNBOOKS_DIR,
  runbookFiles,
  strayQueries,
  type RunbookQuery,
} from '../src/runbooks/runbook-queries.ts';
import { runTool } from './support/promtool.ts';
import { queryReturnsSeries, scenarioFor, type QueryContext } from './support/query-scenario.ts';

/**
 * Every query a runbook tells on-call to run, run by promtool against series carrying the labels
 * the synthesized manifests really produce (the ServiceMonitors, the Services they select, the
 * pods and containers behind them), from the targets that really serve each metric.
 */

const objects = synthesize({ namespace: 'classpulse', imageTag: '0123abcd' });
const targets = scrapedTargets(objects);
const ruleGroups = loadRuleGroups();
const records = ruleGroups.flatMap((g) =>
  g.rules.flatMap((rule) => (typeof rule.record === 'string' ? [rule.record] : [])),
);
const known = knownMetrics(records);
/** Gauges whose healthy value is not 1 (none yet): add one when a rule or query needs it. */
const context: QueryContext = { targets, known, ruleGroups, gaugeValues: {} };
const queries = loadRunbookQueries();

const where = (q: RunbookQuery) => `runbooks/${q.runbook}:${q.line}`;

/** Why a runbook query fails (names problems, promtool's verdict), or undefined when it works. */
function failure(q: RunbookQuery): string | undefined {
  const header = `${where(q)}: this query returns no series on the stack the manifests produce:\n\n${q.query}\n\n`;
  let scenario;
  try {
    scenario = scenarioFor(q.query, context);
  } catch (error) {
    return `${header}${(error as Error).message}`;
  }
  const result = queryReturnsSeries(q.query, scenario);
  if (result.ok) return undefined;
  const series = scenario.inputSeries.map((s) => `  ${s.series}`).join('\n');
  return `${header}The series it ran against (at ${scenario.evalTime}):\n${series}\n\npromtool:\n${result.output}`;
}

describe('runbook queries (k8s/runbooks/*.md, one query per ```promql block)', () => {
  it('run against the scrape targets the manifests define, with the operator’s target labels', () => {
    const monitors = objects.filter((o) => o.kind === 'ServiceMonitor').map((o) => o.metadata.name);
    assert.ok(monitors.length > 0);
    for (const monitor of monitors)
      assert.ok(
        targets.some((t) => t.monitor === monitor),
        `ServiceMonitor/${monitor} scrapes something`,
      );
    for (const target of targets) {
      // The labels the catalog checker accepts on every metric are exactly the real ones.
      assert.deepEqual(Object.keys(target.labels).sort(), [...TARGET_LABELS].sort());
      // job is the Service's name (no ServiceMonitor sets jobLabel).
      assert.equal(target.labels.job, target.labels.service);
      assert.equal(target.labels.namespace, 'classpulse');
      assert.ok(
        serviceOfImage(target.image)! in SERVICE_METRICS,
        `${target.image}: which metrics does it serve? (src/runbooks/exposed-metrics.ts)`,
      );
    }
    // Every service whose metrics are listed is scraped.
    const scraped = new Set(targets.map((t) => serviceOfImage(t.image)));
    for (const service of Object.keys(SERVICE_METRICS))
      assert.ok(scraped.has(service), `no ServiceMonitor scrapes ${service}`);
  });

  it('are found: every ```promql block, one query each, and no query outside one', () => {
    assert.ok(queries.length >= 10, `only ${queries.length} queries found in ${RUNBOOKS_DIR}`);
    for (const q of queries) assert.notEqual(q.query, '', `${where(q)}: an empty promql block`);
    const stray = runbookFiles().flatMap((file) =>
      strayQueries(file, readFileSync(join(RUNBOOKS_DIR, file), 'utf8'), known),
    );
    assert.deepEqual(
      stray.map((q) => `${where(q)}: ${q.query}`),
      [],
      'queries on-call should paste belong in a ```promql block of their own, where this test runs them',
    );
  });

  it('name only metrics, labels and label values the catalogs define or the rules record', () => {
    const problems = queries.flatMap((q) =>
      checkQueryNames(q.query, known).map((problem) => `${where(q)}: ${problem}\n${q.query}`),
    );
    assert.deepEqual(problems, []);
  });

  it('parse as PromQL, as written (promtool check rules, one run for every query)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'classpulse-runbook-queries-'));
    try {
      const file = join(dir, 'runbook-queries.rules.yml');
      const rules = queries.map((q, n) => ({ record: `runbook:query_${n}`, expr: q.query }));
      writeFileSync(file, stringify({ groups: [{ name: 'runbook-queries', rules }] }));
      const result = runTool('promtool', ['check', 'rules', '--lint=none', file]);
      const output = result.output.replace(/"runbook:query_(\d+)"/g, (_, n: string) => {
        const q = queries[Number(n)]!;
        return `${where(q)}: ${q.query}`;
      });
      assert.ok(result.ok, `promtool rejects runbook queries:\n${output}`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  for (const q of queries)
    it(`return series: ${where(q)} ${q.query.split('\n')[0]}`, () => {
      const problem = failure(q);
      if (problem) assert.fail(problem);
    });
});

describe('the runbook query check', () => {
  const probe = (query: string): RunbookQuery => ({ runbook: 'example.md', line: 7, query });

  it('fails a job label no ServiceMonitor produces, naming the runbook and the query', () => {
    const problem = failure(probe('up{job="metrics-aggregator"}'));
    assert.match(problem ?? '', /^runbooks\/example\.md:7: .*\n\nup\{job="metrics-aggregator"\}\n/);
    assert.match(problem ?? '', /job="aggregator-internal"/, 'shows the labels there are');
    // The same query with the job the manifests produce works.
    assert.equal(failure(probe('up{job="aggregator-internal"}')), undefined);
  });

  it('fails a metric read from a target that does not serve it', () => {
    for (const query of [
      'sum(rate(metrics_aggregator_beacons_total{job="probes"}[5m]))',
      'sum by (route) (rate(web_http_requests_total{service="aggregator-internal"}[5m]))',
      'probe_errors_total{namespace="default"}',
    ])
      assert.ok(failure(probe(query)), query);
    assert.match(failure(probe('rate(no_such_metric_total[5m])')) ?? '', /no scrape target serves/);
  });

  it('fails a query that does not parse, or names a label value outside the catalog', () => {
    // promtool's own parser decides: a range function over an instant vector.
    assert.match(failure(probe('rate(up)')) ?? '', /expected type range vector/);
    assert.ok(checkQueryNames('probe_errors_total{kind="credential"}', known).length > 0);
  });

  it('gives gauges their healthy value: 1, or what gaugeValues says', () => {
    const values = (gaugeValues: Record<string, number>) =>
      scenarioFor('realtime_connected_sockets', { ...context, gaugeValues }).inputSeries.map(
        (s) => s.values.split('+')[0],
      );
    assert.deepEqual(values({}), ['1']);
    assert.deepEqual(values({ realtime_connected_sockets: -18000 }), ['-18000']);
  });

  it('runs queries on recording rules through the rules that record them', () => {
    const rule = records[0]!;
    assert.equal(failure(probe(rule)), undefined, rule);
    assert.ok(scenarioFor(rule, context).ruleGroups.length > 0);
  });

  it('reads promql blocks in list items, over several lines, and reports queries outside them', () => {
    const text = [
      '1. Is it scraped?',
      '',
      '   ```promql',
      '   sum by (job) (',
      '     up',
      '   )',
      '   ```',
      '',
      '~~~promql',
      'up',
      '~~~',
      'Then `sum(rate(metrics_aggregator_beacons_total[5m]))` and `up{job="x"}`, but',
      '`metrics_aggregator_beacons_total` by `reason` is only a mention, and `outcome="error"`',
      'and `kubectl -n <ns> get pods | grep x` are not PromQL.',
      '```sh',
      'rate(up[5m])',
      '```',
    ].join('\n');
    assert.deepEqual(queriesIn('x.md', text), [
      { runbook: 'x.md', line: 4, query: 'sum by (job) (\n  up\n)' },
      { runbook: 'x.md', line: 10, query: 'up' },
    ]);
    assert.deepEqual(
      strayQueries('x.md', text, known).map((q) => `${q.line}: ${q.query}`),
      [
        '16: rate(up[5m])',
        '12: sum(rate(metrics_aggregator_beacons_total[5m]))',
        '12: up{job="x"}',
      ],
    );
  });
});
