import { createAggregatorServer } from './aggregator-server.ts';
import { AggregatorConfigError, loadAggregatorConfig } from './config.ts';
import { createAggregatorLogger } from './logger.ts';

/** Thin entry point: config, signals, nothing else. */
async function main(): Promise<void> {
  const config = loadAggregatorConfig();
  const logger = createAggregatorLogger(config.logLevel);
  const server = await createAggregatorServer(config, { logger });
  // Machine-readable line for supervisors and tests that start us on port 0.
  process.stdout.write(
    `${JSON.stringify({ event: 'listening', url: server.url, internalUrl: server.internalUrl })}\n`,
  );
  const stop = (signal: string) => {
    logger.info({ signal }, 'shutting down');
    setTimeout(() => process.exit(1), config.shutdownGraceMs + 1000).unref();
    void server.close().then(() => process.exit(0));
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
}

main().catch((error: unknown) => {
  process.stderr.write(
    `${error instanceof AggregatorConfigError ? error.message : String((error as Error)?.stack ?? error)}\n`,
  );
  process.exit(error instanceof AggregatorConfigError ? 2 : 1);
});
