import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const PROBE_MAIN = fileURLToPath(new URL('../../../probes/src/main.ts', import.meta.url));

export interface ProbeChild {
  /** Where its /metrics, /healthz and /readyz are. */
  url: string;
  stop(): Promise<void>;
}

/**
 * The embedded default's probe: `probes/` run as a child process (web may not import it) against
 * this machine's web app and realtime tier, as location "local". It exits with the launcher, even
 * one killed outright (its stdin closes). A probe that does not start is reported and skipped:
 * the classroom runs without it.
 */
export async function startProbeChild(options: {
  webUrl: string;
  realtimeUrl: string;
  realtimeTokenSecret: string;
  env: NodeJS.ProcessEnv;
}): Promise<ProbeChild | null> {
  const child: ChildProcess = spawn(process.execPath, [PROBE_MAIN], {
    env: {
      PROBE_HOST: '127.0.0.1',
      PROBE_LOCATION: 'local',
      PROBE_LOG_LEVEL: 'warn',
      ...options.env,
      PROBE_WEB_URL: options.webUrl,
      PROBE_REALTIME_URL: options.realtimeUrl,
      REALTIME_TOKEN_SECRET: options.realtimeTokenSecret,
      PROBE_EXIT_WITH_STDIN: 'true',
    },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const exited = once(child, 'exit');
  const lines = createInterface({ input: child.stdout! });
  const url = await new Promise<string | null>((resolve) => {
    const timer = setTimeout(() => resolve(null), 30_000);
    child.once('exit', () => resolve(null));
    lines.on('line', (line) => {
      try {
        const message = JSON.parse(line) as { event?: string; url?: string };
        if (message.event === 'listening' && message.url) {
          clearTimeout(timer);
          resolve(message.url);
        }
      } catch {
        // a log line
      }
    });
  });
  if (!url) {
    child.kill('SIGKILL');
    process.stderr.write('The probe did not start; the classroom runs without it.\n');
    return null;
  }
  return {
    url,
    async stop() {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      await exited;
    },
  };
}
