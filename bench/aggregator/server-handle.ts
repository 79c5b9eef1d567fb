import { fork, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { serverNodeFlags } from '../server-node-flags.ts';
import type {
  ListeningLine,
  ParentMessage,
  ServerMessage,
  ServerMode,
  ServerStats,
} from './ipc.ts';

const ENTRY = fileURLToPath(new URL('./server-process.ts', import.meta.url));

export interface ServerHandle {
  mode: ServerMode;
  /** Base URL of the public port; beacons go to `${url}/v1/beacon`. */
  url: string;
  internalUrl: string | null;
  pid: number;
  /** CPU so far and event-loop lag since the previous call. */
  stats(): Promise<ServerStats>;
  /** Asks the process to close and waits for it to exit (SIGKILL after 10 s); safe to repeat. */
  stop(): Promise<void>;
}

/** Every child still running is killed when this process exits, however it exits. */
const live = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of live) child.kill('SIGKILL');
});

/**
 * Starts a server under test as `node server-process.ts <mode>` and waits for the
 * JSON line it prints once listening.
 */
export async function startServerProcess(
  mode: ServerMode,
  env: Record<string, string> = {},
): Promise<ServerHandle> {
  const child = fork(ENTRY, [mode], {
    execArgv: serverNodeFlags(),
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
  });
  live.add(child);
  child.on('error', (error) => process.stderr.write(`${mode} server process: ${String(error)}\n`));
  const exited = new Promise<void>((resolve) =>
    child.once('exit', () => {
      live.delete(child);
      resolve();
    }),
  );
  const kill = () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  };

  const pending = new Map<number, (stats: ServerStats) => void>();
  child.on('message', (message: ServerMessage) => {
    if (message.type === 'stats') pending.get(message.id)?.(message.stats);
  });
  const died = exited.then(() => {
    throw new Error(`${mode} server process exited (code ${child.exitCode})`);
  });
  died.catch(() => undefined); // observed where it matters: startup and stats

  let line: ListeningLine;
  try {
    const lines = createInterface({ input: child.stdout! });
    const first = new Promise<string>((resolve) => lines.once('line', resolve));
    line = JSON.parse(await Promise.race([first, died])) as ListeningLine;
    // Anything else it prints is not ours to read; keep the pipe flowing.
    lines.on('line', (text) => process.stdout.write(`[${mode}] ${text}\n`));
    if (line.event !== 'listening') throw new Error(`${mode} server said ${JSON.stringify(line)}`);
  } catch (error) {
    kill();
    await exited;
    throw error;
  }

  let nextId = 1;
  let stopped: Promise<void> | null = null;
  return {
    mode,
    url: line.url,
    internalUrl: line.internalUrl,
    pid: child.pid!,
    stats() {
      if (!child.connected) return died;
      const id = nextId++;
      const answer = new Promise<ServerStats>((resolve) => {
        pending.set(id, (stats) => {
          pending.delete(id);
          resolve(stats);
        });
      });
      child.send({ type: 'stats', id } satisfies ParentMessage);
      return Promise.race([answer, died]);
    },
    stop() {
      stopped ??= (async () => {
        if (child.connected) child.send({ type: 'stop' } satisfies ParentMessage);
        else kill();
        const timer = setTimeout(kill, 10_000);
        await exited;
        clearTimeout(timer);
      })();
      return stopped;
    },
  };
}
