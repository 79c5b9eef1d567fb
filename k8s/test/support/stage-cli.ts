import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const K8S = fileURLToPath(new URL('../..', import.meta.url));

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs the staging CLI as a process (`node scripts/stage.ts …` in k8s/), with this
 * environment minus any KUBECONFIG or STAGE_IMAGE_TAG of the machine running the tests, plus `env`.
 * `onStdout` sees each chunk as it arrives.
 */
export function runStageCli(
  args: readonly string[],
  env: Record<string, string>,
  onStdout?: (chunk: string) => void,
): Promise<CliResult> {
  const { KUBECONFIG: _kubeconfig, STAGE_IMAGE_TAG: _tag, ...inherited } = process.env;
  const child = spawn(process.execPath, ['scripts/stage.ts', ...args], {
    cwd: K8S,
    env: { ...inherited, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
    onStdout?.(chunk);
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
