import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** Runs one of web/src/cli/*.ts as an operator would; its exit code and output. */
export function runCli(
  name: 'migrate' | 'setup-link',
  args: string[],
  env: Record<string, string>,
): { code: number | null; stdout: string; stderr: string } {
  const script = fileURLToPath(new URL(`../../src/cli/${name}.ts`, import.meta.url));
  const result = spawnSync(process.execPath, [script, ...args], {
    env: { ...process.env, ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
