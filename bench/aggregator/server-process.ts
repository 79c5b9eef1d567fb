/**
 * One server under test, in its own process so its CPU and event-loop lag are its own and the
 * load generator does not share its event loop. argv[2] = "aggregator" (createAggregatorServer,
 * configured from the AGGREGATOR_* variables the parent sets) or "bare" (bare-server.ts).
 * Prints one JSON line on stdout when listening (ipc.ts: ListeningLine), answers `stats` over
 * IPC, stops on `stop`, and exits when the parent goes away.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import {
  createAggregatorLogger,
  createAggregatorServer,
  loadAggregatorConfig,
} from '@classpulse/metrics-aggregator/server';
import { startBareServer } from './bare-server.ts';
import type { ListeningLine, ParentMessage, ServerMessage } from './ipc.ts';

const mode = process.argv[2];
const lag = monitorEventLoopDelay({ resolution: 1 });
lag.enable();

async function start(): Promise<{ line: ListeningLine; close(): Promise<void> }> {
  if (mode === 'bare') {
    const bare = await startBareServer();
    return {
      line: { event: 'listening', url: bare.url, internalUrl: null },
      close: () => bare.close(),
    };
  }
  if (mode !== 'aggregator') throw new Error(`unknown mode ${String(mode)}`);
  const config = loadAggregatorConfig(process.env);
  const server = await createAggregatorServer(config, {
    logger: createAggregatorLogger(config.logLevel),
  });
  return {
    line: { event: 'listening', url: server.url, internalUrl: server.internalUrl },
    close: () => server.close(),
  };
}

const send = (message: ServerMessage) => process.send?.(message);
const server = await start();
process.on('message', (message: ParentMessage) => {
  if (message.type === 'stats') {
    const cpu = process.cpuUsage();
    send({
      type: 'stats',
      id: message.id,
      stats: {
        cpuMicros: cpu.user + cpu.system,
        lagP99Ms: lag.percentile(99) / 1e6,
        lagMaxMs: lag.max / 1e6,
      },
    });
    lag.reset();
  }
  if (message.type === 'stop') void server.close().then(() => process.exit(0));
});
// The parent died or stopped without saying so: nothing is left to serve.
process.on('disconnect', () => process.exit(0));
process.stdout.write(`${JSON.stringify(server.line)}\n`);
