import { ConfigError, loadRealtimeConfig } from './config.ts';
import { createLogger } from './logger.ts';
import { createRealtimeServer } from './realtime-server.ts';
import { loadOrCreateSecret } from './secrets.ts';

/** Thin entry point: config, signals, nothing else. */
async function main(): Promise<void> {
  const config = loadRealtimeConfig();
  const logger = createLogger(config.logLevel);
  const server = await createRealtimeServer(
    {
      ...config,
      tokenSecret:
        config.tokenSecret ?? loadOrCreateSecret(config.dataDir, 'realtime-token-secret'),
    },
    { logger },
  );
  // Machine-readable line for process supervisors and tests that start us on port 0.
  process.stdout.write(
    `${JSON.stringify({ event: 'listening', port: server.port, url: server.url })}\n`,
  );

  const stop = (signal: string) => {
    logger.info({ signal }, 'shutting down');
    const force = setTimeout(() => process.exit(1), config.shutdownGraceMs);
    force.unref();
    void server.close().then(() => process.exit(0));
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
}

main().catch((error: unknown) => {
  // A configuration mistake is the operator's to fix: say what, without a stack trace.
  process.stderr.write(
    `${error instanceof ConfigError ? error.message : String((error as Error)?.stack ?? error)}\n`,
  );
  process.exit(error instanceof ConfigError ? 2 : 1);
});
