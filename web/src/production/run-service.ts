interface RunningService {
  server: { url: string; internalUrl: string; close(): Promise<void> };
  /** How long open work gets after SIGTERM before the process exits anyway. */
  graceMs: number;
}

/**
 * The whole of a thin service entry point: start it (reading its config inside, so a bad
 * variable is reported as one line), print one machine-readable line for supervisors and tests
 * that start it on port 0, and stop it gracefully on SIGTERM or SIGINT.
 */
export function runService(start: () => Promise<RunningService>): void {
  start()
    .then(({ server, graceMs }) => {
      process.stdout.write(
        `${JSON.stringify({ event: 'listening', url: server.url, internalUrl: server.internalUrl })}\n`,
      );
      const stop = () => {
        setTimeout(() => process.exit(1), graceMs).unref();
        void server.close().then(() => process.exit(0));
      };
      process.once('SIGTERM', stop);
      process.once('SIGINT', stop);
    })
    .catch((error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    });
}
