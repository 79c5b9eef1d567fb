import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { checkQueryNames, knownMetrics } from '../src/dashboards/promql-check.ts';
import { loadRuleFiles } from '../src/manifests/rule-files.ts';
import { generatedRuleFiles } from '../src/rules/generated-rule-files.ts';
import { RULE_FILES, runTool } from './support/promtool.ts';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const RUNBOOK_PREFIX = 'https://github.com/classpulse/classpulse/blob/main/';
const DASHBOARD_PREFIX = 'https://grafana.classpulse.example/d/';

const ruleSchema = z.union([
  z.object({ record: z.string(), expr: z.string() }).strict(),
  z
    .object({
      alert: z.string(),
      expr: z.string(),
      for: z.string().optional(),
      keep_firing_for: z.string().optional(),
      labels: z.object({ severity: z.enum(['page', 'ticket', 'none']) }).catchall(z.string()),
      annotations: z
        .object({
          summary: z.string().min(10),
          description: z.string().min(20),
          runbook_url: z.string().startsWith(`${RUNBOOK_PREFIX}k8s/runbooks/`),
          dashboard_url: z.string().startsWith(DASHBOARD_PREFIX),
        })
        .strict(),
    })
    .strict(),
]);
const fileSchema = z.object({
  groups: z.array(
    z.object({ name: z.string(), interval: z.string().optional(), rules: z.array(ruleSchema) }),
  ),
});

const files = loadRuleFiles().map(({ path, groups }) => ({
  file: path,
  groups: fileSchema.parse({ groups }).groups,
}));
const rules = files.flatMap(({ file, groups }) =>
  groups.flatMap((g) => g.rules.map((rule) => ({ file, rule }))),
);
const alerts = rules.flatMap(({ rule }) => ('alert' in rule ? [rule] : []));
const recorded = new Set(rules.flatMap(({ rule }) => ('record' in rule ? [rule.record] : [])));

describe('rule files (k8s/prometheus/rules)', () => {
  it('pass promtool check rules', () => {
    const result = runTool('promtool', ['check', 'rules', ...RULE_FILES]);
    assert.equal(result.ok, true, result.output);
  });

  it('read only metrics, labels and values that the catalogs define or the rules record', () => {
    const known = knownMetrics(recorded);
    const problems = rules.flatMap(({ file, rule }) =>
      checkQueryNames(rule.expr, known).map(
        (problem) => `${file}: ${'alert' in rule ? rule.alert : rule.record}: ${problem}`,
      ),
    );
    assert.deepEqual(problems, []);
  });

  it('catches a misspelt metric or label value (the check above is not vacuous)', () => {
    const known = knownMetrics(recorded);
    assert.equal(
      checkQueryNames('sum(rate(classroom_app_load_total{outcome="success"}[5m]))', known).length,
      1,
    );
    assert.equal(
      checkQueryNames('sum(rate(classroom_app_loads_total{outcome="succeeded"}[5m]))', known)
        .length,
      1,
    );
  });

  it('give every alert a unique name, severity page or ticket, and an existing runbook', () => {
    const names = alerts.map((a) => a.alert);
    assert.equal(new Set(names).size, names.length, `duplicate alert names in ${names.join(', ')}`);
    for (const alert of alerts) {
      // Only the Watchdog has no severity: it goes to the dead man's switch, never to a person.
      assert.equal(alert.labels.severity === 'none', alert.alert === 'Watchdog', alert.alert);
      const runbook = alert.annotations.runbook_url.slice(RUNBOOK_PREFIX.length);
      assert.ok(existsSync(`${REPO}${runbook}`), `${alert.alert}: ${runbook} does not exist`);
    }
    // The business alerts named in the design are there.
    for (const name of [
      'AppLoadsBelowUsual',
      'FirebaseProbeFailingFromSeveralLocations',
      'FirebaseProbeFailingInLocation',
      'ClientErrorRatioHigh',
      'WebSocketDarkLaunchFailing',
      'ScrapeTargetsAbsent',
      'Watchdog',
    ])
      assert.ok(names.includes(name), `${name} is missing`);
  });

  it('have a promtool unit test for every alert', () => {
    const tests = readdirSync(fileURLToPath(new URL('.', import.meta.url)))
      .filter((name) => name.endsWith('-rules.test.ts'))
      .map((name) => readFileSync(fileURLToPath(new URL(name, import.meta.url)), 'utf8'))
      .join('\n');
    const untested = alerts.map((a) => a.alert).filter((name) => !tests.includes(`'${name}'`));
    assert.deepEqual(untested, []);
  });
});

describe('rule files generated from code (src/rules)', () => {
  it('are as the code writes them (run `npm run rules -w @classpulse/k8s` after a change)', () => {
    for (const { path, text } of generatedRuleFiles())
      assert.equal(readFileSync(path, 'utf8'), text, `${path} is stale`);
  });
});
