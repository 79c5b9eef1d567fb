/**
 * npm run test:workspaces — every workspace's tests, in two lanes at once: the web app's (a
 * production build, then Chromium suites that mostly wait on browsers and servers) beside all the
 * others one after another. Each line is printed as it comes, tagged with its workspace; the
 * summary at the end names every workspace with its exit code and time. Exits 1 if any failed,
 * after every lane has finished, so one run shows every failure.
 */
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

const LANES: readonly (readonly string[])[] = [
  ['web'],
  ['realtime', 'metrics-aggregator', 'probes', 'k8s'],
];

interface Outcome {
  workspace: string;
  code: number;
  seconds: number;
}

function runWorkspace(workspace: string): Promise<Outcome> {
  const started = performance.now();
  const child = spawn('npm', ['run', 'test', `--workspace=${workspace}`], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  for (const stream of [child.stdout, child.stderr]) {
    createInterface({ input: stream }).on('line', (line) => {
      process.stdout.write(`[${workspace}] ${line}\n`);
    });
  }
  return new Promise((resolve) => {
    child.on('close', (code, signal) => {
      const seconds = Math.round((performance.now() - started) / 1000);
      resolve({ workspace, code: code ?? (signal ? 128 : 1), seconds });
    });
  });
}

async function runLane(workspaces: readonly string[]): Promise<Outcome[]> {
  const outcomes: Outcome[] = [];
  for (const workspace of workspaces) outcomes.push(await runWorkspace(workspace));
  return outcomes;
}

const outcomes = (await Promise.all(LANES.map(runLane))).flat();
process.stdout.write('\nworkspace tests:\n');
for (const { workspace, code, seconds } of outcomes) {
  process.stdout.write(`  ${code === 0 ? 'pass' : `FAIL (${code})`}  ${workspace}  ${seconds} s\n`);
}
process.exitCode = outcomes.every((o) => o.code === 0) ? 0 : 1;
