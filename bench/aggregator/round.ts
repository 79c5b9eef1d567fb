import { openLoad, type LoadResult } from './http-load.ts';
import type { ServerMode } from './ipc.ts';
import { endWindow, startWindow, type MachineWindow } from './machine.ts';
import type { RequestBytes } from './beacons.ts';
import type { ServerHandle } from './server-handle.ts';

/** One server at full speed for a while: what it answered, and what that cost it. */
export interface Round extends LoadResult {
  mode: ServerMode;
  serverCpuMicros: number;
  serverLagP99Ms: number;
  serverLagMaxMs: number;
  machine: MachineWindow;
}

/**
 * Opens `connections` keep-alive connections to `server`, then sends beacons for `durationMs`
 * as fast as it answers, reading the server's CPU and loop lag just before and just after.
 */
export async function runRound(
  server: ServerHandle,
  next: () => RequestBytes,
  connections: number,
  durationMs: number,
): Promise<Round> {
  const load = await openLoad(Number(new URL(server.url).port), connections);
  try {
    const before = await server.stats();
    const window = startWindow();
    const result = await load.run(next, durationMs);
    const after = await server.stats();
    const serverCpuMicros = after.cpuMicros - before.cpuMicros;
    return {
      mode: server.mode,
      ...result,
      serverCpuMicros,
      serverLagP99Ms: after.lagP99Ms,
      serverLagMaxMs: after.lagMaxMs,
      machine: endWindow(window, result.seconds, serverCpuMicros),
    };
  } finally {
    load.close();
  }
}
