import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const MAIN = fileURLToPath(new URL('../../src/production/main.ts', import.meta.url));

export interface WebServerProcess {
  child: ChildProcess;
  url: string;
  internalUrl: string;
}

/** The production web server (src/production/main.ts) in its own process, on free ports. */
export async function startWebServerProcess(
  env: Record<string, string>,
): Promise<WebServerProcess> {
  const child = spawn(process.execPath, [MAIN], {
    env: {
      ...process.env,
      WEB_HOST: '127.0.0.1',
      WEB_PORT: '0',
      WEB_INTERNAL_HOST: '127.0.0.1',
      WEB_INTERNAL_PORT: '0',
      NEXT_TELEMETRY_DISABLED: '1',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout });
  const ready = await new Promise<{ url: string; internalUrl: string }>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`web server exited with ${code}`)));
    lines.on('line', (line) => {
      try {
        const msg = JSON.parse(line) as { event?: string; url?: string; internalUrl?: string };
        if (msg.event === 'listening' && msg.url && msg.internalUrl)
          resolve({ url: msg.url, internalUrl: msg.internalUrl });
      } catch {
        // not our line
      }
    });
  });
  return { child, ...ready };
}
