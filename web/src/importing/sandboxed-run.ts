import { spawn, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import {
  conversionEventSchema,
  type ConversionErrorCode,
  type ConversionEvent,
  type ConversionJob,
} from './conversion-events.ts';

/**
 * Runs convert-program.ts on one document in a child process the document cannot escape:
 * - no network: a fresh network namespace (`unshare -rn`, unprivileged where the kernel allows
 *   user namespaces; Kubernetes adds a NetworkPolicy that denies all egress);
 * - a time limit: the whole process group (LibreOffice too) is killed when it runs out;
 * - a memory limit: the group's resident memory is watched and the group killed past it, with
 *   V8's heap capped below it so a runaway script-free parse fails early;
 * - a low priority (nice 10), so a live class on the same machine keeps its CPU.
 * Nothing the child prints is trusted: each line is parsed with the event schema.
 */

const PROGRAM = fileURLToPath(new URL('./convert-program.ts', import.meta.url));

export interface SandboxLimits {
  timeLimitMs: number;
  memoryLimitBytes: number;
  /** What the child wrote to stderr (a crash's stack), for the operator's log; never a teacher's. */
  onDiagnostics?: (text: string) => void;
}

/** The child's whole environment: nothing of ours (secrets, proxies) reaches it. */
const CHILD_PATH = '/usr/local/bin:/usr/bin:/bin';

let isolation: string[] | null | undefined;

/** The command prefix that cuts the network off, or null where this kernel cannot (checked once). */
export function networkIsolationPrefix(): string[] | null {
  if (isolation === undefined) {
    const probe = spawnSync('unshare', ['-rn', 'true'], { stdio: 'ignore', timeout: 5_000 });
    isolation = probe.status === 0 ? ['unshare', '-rn'] : null;
  }
  return isolation;
}

/** Resident bytes of every process in a process group (Linux /proc; 0 elsewhere). */
function groupResidentBytes(pgid: number): number {
  if (process.platform !== 'linux') return 0;
  let total = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // Fields after the command name (which may hold spaces) start after the last ')'.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[2]) !== pgid) continue;
      total += Number(fields[21]) * 4096;
    } catch {
      // The process ended while we looked.
    }
  }
  return total;
}

const WATCH_INTERVAL_MS = 200;

/**
 * Children still running. Each has its own process group (so a kill reaches LibreOffice too),
 * which also means it would outlive this process: they go when it exits.
 */
const live = new Set<number>();
let exitHookInstalled = false;
function killOnExit(pid: number): void {
  live.add(pid);
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.once('exit', () => {
    for (const group of live) {
      try {
        process.kill(-group, 'SIGKILL');
      } catch {
        // Already gone.
      }
    }
  });
}

export async function* runSandboxed(
  job: ConversionJob,
  limits: SandboxLimits,
): AsyncGenerator<ConversionEvent> {
  const heapMb = Math.max(128, Math.floor((limits.memoryLimitBytes * 0.6) / (1024 * 1024)));
  const command = [
    ...(networkIsolationPrefix() ?? []),
    'nice',
    '-n',
    '10',
    process.execPath,
    `--max-old-space-size=${heapMb}`,
    PROGRAM,
    JSON.stringify(job),
  ];
  const child = spawn(command[0]!, command.slice(1), {
    cwd: job.workDir,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      NODE_ENV: 'production',
      PATH: CHILD_PATH,
      HOME: job.workDir,
      TMPDIR: job.workDir,
    },
  });
  if (child.pid !== undefined) killOnExit(child.pid);
  let stopped: ConversionErrorCode | null = null;
  const kill = (reason: ConversionErrorCode) => {
    stopped ??= reason;
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      // Already gone.
    }
  };
  const deadline = setTimeout(() => kill('timed_out'), limits.timeLimitMs);
  const watch = setInterval(() => {
    if (child.pid && groupResidentBytes(child.pid) > limits.memoryLimitBytes) kill('out_of_memory');
  }, WATCH_INTERVAL_MS);
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString('utf8')).slice(-4096);
  });
  const exited = new Promise<void>((resolve) => child.once('close', () => resolve()));
  let finished = false;
  try {
    for await (const line of createInterface({ input: child.stdout })) {
      if (stopped) break;
      let event: ConversionEvent;
      try {
        event = conversionEventSchema.parse(JSON.parse(line));
      } catch {
        kill('conversion_failed');
        break;
      }
      if (event.type === 'done' || event.type === 'error') finished = true;
      yield event;
      if (finished) break;
    }
    await exited;
    if (stderr.trim()) limits.onDiagnostics?.(stderr);
    if (!finished) {
      const outOfHeap = /heap out of memory|Allocation failed/i.test(stderr);
      yield { type: 'error', code: stopped ?? (outOfHeap ? 'out_of_memory' : 'conversion_failed') };
    }
  } finally {
    clearTimeout(deadline);
    clearInterval(watch);
    if (child.pid !== undefined) live.delete(child.pid);
    if (child.exitCode === null && child.signalCode === null) kill('conversion_failed');
  }
}
