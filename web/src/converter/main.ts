import { loadConverterConfig } from './config.ts';
import { createConverterServer } from './converter-server.ts';

/** Thin entry point of the slide converter service: config, signals, nothing else. */
async function main(): Promise<void> {
  const config = loadConverterConfig();
  const server = await createConverterServer(config);
  // Machine-readable line for supervisors and tests that start us on port 0.
  process.stdout.write(
    `${JSON.stringify({ event: 'listening', url: server.url, internalUrl: server.internalUrl })}\n`,
  );
  const stop = () => {
    setTimeout(() => process.exit(1), config.shutdownGraceMs).unref();
    void server.close().then(() => process.exit(0));
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
