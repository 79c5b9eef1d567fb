import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const MAIN = fileURLToPath(new URL('../../src/server/main.ts', import.meta.url));

export interface ChildServer {
  process: ChildProcess;
  port: number;
  url: string;
  /** Resolves when the process has exited. */
  exited: Promise<void>;
}

/** Runs the real `main.ts` in its own process, as production does, and waits for it to listen. */
export async function startChildServer(env: Record<string, string>): Promise<ChildServer> {
  const child = spawn(process.execPath, [MAIN], {
    env: {
      ...process.env,
      REALTIME_HOST: '127.0.0.1',
      REALTIME_INTERNAL_PORT: '0',
      // DEBUG_CHILD_OUTPUT=<level> (e.g. info) shows the servers' logs on stderr.
      REALTIME_LOG_LEVEL: process.env.DEBUG_CHILD_OUTPUT ?? 'silent',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const lines = createInterface({ input: child.stdout });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`server exited early with ${code}`)));
    lines.on('line', (line) => {
      if (process.env.DEBUG_CHILD_OUTPUT) process.stderr.write(`[${child.pid}] ${line}\n`);
      try {
        const msg = JSON.parse(line) as { event?: string; port?: number };
        if (msg.event === 'listening' && typeof msg.port === 'number') resolve(msg.port);
      } catch {
        // not our line
      }
    });
  });
  return { process: child, port, url: `http://127.0.0.1:${port}`, exited };
}
