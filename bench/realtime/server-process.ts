/**
 * One server under test, in its own process so its CPU, memory and event-loop lag are its own.
 * argv[2] = "classpulse" (the real realtime tier, SQLite durable writes, production defaults) or
 * "bare" (the baseline: socket.io that only forwards each answer to the teacher) or "cluster"
 * (the real tier as one of several processes on the Redis at BENCH_REDIS_URL). The parent
 * talks to it over IPC: it reports `{ listening }`, answers `stats` with a measurement taken
 * right after a full GC (needs `--expose-gc`), and stops on `stop`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { writeHeapSnapshot } from 'node:v8';
import {
  createRealtimeServer,
  realtimeConfig,
  silentLogger,
} from '../../realtime/src/server/index.ts';
import { startBareServer } from './bare-server.ts';
import type { ParentMessage, ServerMessage, ServerStats } from './ipc.ts';

const mode = process.argv[2];
const BENCH_SECRET = 'bench-secret-that-is-long-enough-0123456789abcdef';

const send = (message: ServerMessage) => process.send?.(message);
const lag = monitorEventLoopDelay({ resolution: 1 });
lag.enable();

function stats(): ServerStats {
  (globalThis as { gc?: () => void }).gc?.();
  const memory = process.memoryUsage();
  const cpu = process.cpuUsage();
  const result: ServerStats = {
    heapUsedBytes: memory.heapUsed,
    rssBytes: memory.rss,
    cpuMicros: cpu.user + cpu.system,
    lagP50Ms: lag.percentile(50) / 1e6,
    lagP99Ms: lag.percentile(99) / 1e6,
    lagMaxMs: lag.max / 1e6,
  };
  lag.reset();
  return result;
}

async function start(): Promise<{ url: string; accountToken?: string; close(): Promise<void> }> {
  if (mode === 'bare') return startBareServer();
  if (mode !== 'classpulse' && mode !== 'cluster') throw new Error(`unknown mode ${String(mode)}`);
  const dataDir = mkdtempSync(join(tmpdir(), 'classpulse-bench-realtime-'));
  const server = await createRealtimeServer(
    realtimeConfig({
      host: '127.0.0.1',
      port: 0,
      dataDir,
      sqlitePath: join(dataDir, 'realtime.sqlite'),
      tokenSecret: BENCH_SECRET,
      sqliteSynchronous: process.env.BENCH_SQLITE_SYNCHRONOUS === 'normal' ? 'normal' : 'full',
      redisUrl: mode === 'cluster' ? process.env.BENCH_REDIS_URL : undefined,
      // BENCH_SNAPSHOT_EVERY: what snapshots cost (1000000 ≈ none during a run).
      ...(process.env.BENCH_SNAPSHOT_EVERY
        ? { snapshotEvery: Number(process.env.BENCH_SNAPSHOT_EVERY) }
        : {}),
      // One generator stands in for thousands of students; their per-socket limits stay default,
      // but they all join from one address, which the join limits per source would stop.
      joinLimits: {
        perSourcePerSecond: 1_000_000,
        perSourceBurst: 1_000_000,
        perCodePerSecond: 1_000_000,
        perCodeBurst: 1_000_000,
      },
    }),
    { logger: silentLogger() },
  );
  return {
    url: server.url,
    accountToken: await server.tokens.signTeacherAccount('bench-teacher'),
    async close() {
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

const server = await start();
send({ type: 'listening', url: server.url, accountToken: server.accountToken });
process.on('message', (message: ParentMessage) => {
  if (message.type === 'stats') send({ type: 'stats', id: message.id, stats: stats() });
  if (message.type === 'heapSnapshot')
    writeHeapSnapshot(join(message.dir, `${mode}-${Date.now()}.heapsnapshot`));
  if (message.type === 'stop') void server.close().then(() => process.exit(0));
});
