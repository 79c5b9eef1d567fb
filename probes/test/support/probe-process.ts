import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** `src/main.ts` as its own process, as `npm start -w @classpulse/probes` runs it. */
export function spawnProbeMain(env: Record<string, string>): ChildProcessWithoutNullStreams {
  const main = fileURLToPath(new URL('../../src/main.ts', import.meta.url));
  return spawn(process.execPath, [main], {
    env: { ...process.env, PROBE_LOG_LEVEL: 'silent', ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
}
