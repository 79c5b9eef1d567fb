import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { serverNodeFlags } from '../server-node-flags.ts';
import type { ParentMessage, ServerMessage, ServerStats } from './ipc.ts';

const ENTRY = fileURLToPath(new URL('./server-process.ts', import.meta.url));

/** `cluster`: our tier in cluster mode on the Redis at BENCH_REDIS_URL (see cross-process.ts). */
export type ServerMode = 'classpulse' | 'bare' | 'cluster';

export interface ServerHandle {
  mode: ServerMode;
  url: string;
  accountToken: string | undefined;
  /** Memory right after a full GC, CPU so far, and event-loop lag since the last call. */
  stats(): Promise<ServerStats>;
  stop(): Promise<void>;
  heapSnapshot(dir: string): void;
}

/** Starts a server under test in its own Node process (with `--expose-gc`) and waits for it. */
export async function startServerProcess(
  mode: ServerMode,
  env: Record<string, string> = {},
): Promise<ServerHandle> {
  const child: ChildProcess = fork(ENTRY, [mode], {
    execArgv: ['--expose-gc', ...serverNodeFlags()],
    env: { ...process.env, ...env },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const pending = new Map<number, (stats: ServerStats) => void>();
  let nextId = 1;
  const listening = new Promise<Extract<ServerMessage, { type: 'listening' }>>(
    (resolve, reject) => {
      child.once('exit', (code) => reject(new Error(`${mode} server exited early (${code})`)));
      child.on('message', (message: ServerMessage) => {
        if (message.type === 'listening') resolve(message);
        if (message.type === 'stats') pending.get(message.id)?.(message.stats);
      });
    },
  );
  const ready = await listening;
  const send = (message: ParentMessage) => child.send(message);
  return {
    mode,
    url: ready.url,
    accountToken: ready.accountToken,
    stats() {
      const id = nextId++;
      return new Promise((resolve) => {
        pending.set(id, (stats) => {
          pending.delete(id);
          resolve(stats);
        });
        send({ type: 'stats', id });
      });
    },
    heapSnapshot(dir) {
      send({ type: 'heapSnapshot', dir });
    },
    async stop() {
      send({ type: 'stop' });
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
