import assert from 'node:assert/strict';
import { execFile, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ruleFilePath, ruleFilePaths } from '../../src/manifests/rule-files.ts';

/** The rule files deployed by k8s/ (the PrometheusRule is generated from the same files). */
export const RULE_FILES = ruleFilePaths();
export const ruleFile = (name: string) => ruleFilePath(name);

export interface InputSeries {
  series: string;
  values: string;
}

export interface ExpectedAlert {
  exp_labels: Record<string, string>;
  exp_annotations?: Record<string, string>;
}

export interface AlertRuleTest {
  eval_time: string;
  alertname: string;
  exp_alerts: ExpectedAlert[];
}

/** A `promql_expr_test`: the query's samples at `eval_time`, labels in PromQL's `{a="b"}` form. */
export interface ExprTest {
  expr: string;
  eval_time: string;
  exp_samples: Array<{ labels: string; value: number }>;
}

export interface PromtoolResult {
  ok: boolean;
  output: string;
}

/** Runs a Debian `prometheus` tool, failing clearly when it is not installed. */
export function runTool(tool: 'promtool' | 'amtool', args: string[]): PromtoolResult {
  const result = spawnSync(tool, args, { encoding: 'utf8' });
  if (result.error) {
    const pkg = tool === 'promtool' ? 'prometheus' : 'prometheus-alertmanager';
    throw new Error(`${tool} not runnable (apt-get install ${pkg}): ${result.error.message}`);
  }
  return { ok: result.status === 0, output: `${result.stdout}${result.stderr}` };
}

/**
 * `promtool test rules` on one unit test: input series at `interval`, alerts (or query results)
 * expected at times.
 */
export interface RuleUnitTest {
  interval: string;
  input_series: InputSeries[];
  alert_rule_test?: AlertRuleTest[];
  promql_expr_test?: ExprTest[];
}

/** Writes the test file promtool reads (JSON is YAML) into a fresh folder; returns both. */
function writeRuleTest(ruleFiles: string[], test: RuleUnitTest, evaluationInterval: string) {
  const dir = mkdtempSync(join(tmpdir(), 'classpulse-rules-'));
  const file = join(dir, 'test.yml');
  writeFileSync(
    file,
    JSON.stringify({
      rule_files: ruleFiles,
      evaluation_interval: evaluationInterval,
      tests: [test],
    }),
  );
  return { dir, file };
}

export function promtoolTestRules(
  ruleFiles: string[],
  test: RuleUnitTest,
  evaluationInterval = '1m',
): PromtoolResult {
  const { dir, file } = writeRuleTest(ruleFiles, test, evaluationInterval);
  try {
    return runTool('promtool', ['test', 'rules', file]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The same, without blocking: long replays (weeks at one evaluation a minute) run side by side. */
export async function promtoolTestRulesAsync(
  ruleFiles: string[],
  test: RuleUnitTest,
  evaluationInterval = '1m',
): Promise<PromtoolResult> {
  const { dir, file } = writeRuleTest(ruleFiles, test, evaluationInterval);
  try {
    return await new Promise((resolve, reject) =>
      execFile(
        'promtool',
        ['test', 'rules', file],
        { maxBuffer: 64 * 1024 * 1024 },
        (error, stdout, stderr) => {
          if (error && typeof error.code !== 'number')
            reject(
              new Error(`promtool not runnable (apt-get install prometheus): ${error.message}`),
            );
          else resolve({ ok: !error, output: `${stdout}${stderr}` });
        },
      ),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** promtool `values` for samples at steps 0…`steps`: the value at each step, or null for none. */
export function sampled(steps: number, valueAt: (step: number) => number | null): string {
  const values: string[] = [];
  for (let step = 0; step <= steps; step += 1) {
    const value = valueAt(step);
    values.push(value === null ? '_' : String(value));
  }
  return values.join(' ');
}

/** A counter sampled at steps 0…`steps` that grows by `added(step)` before each sample. */
export function counter(steps: number, added: (step: number) => number): string {
  let total = 0;
  return sampled(steps, (step) => (total += step === 0 ? 0 : added(step)));
}

/** One minute-sampled `promtool test rules` case that must pass, with promtool's report if not. */
export function expectAlerts(
  ruleFiles: string[],
  inputSeries: InputSeries[],
  alertTests: AlertRuleTest[],
): void {
  const result = promtoolTestRules(ruleFiles, {
    interval: '1m',
    input_series: inputSeries,
    alert_rule_test: alertTests,
  });
  assert.equal(result.ok, true, result.output);
}
