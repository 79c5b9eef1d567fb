/**
 * `npm run stage -- <name> [options]` (see src/stage/stage.ts and the README's "Staging"). Ctrl-C
 * stops waiting; a second Ctrl-C exits at once.
 */
import { EXIT_FAILED, runStage } from '../src/stage/stage.ts';

// A reader that stops early (`--dry-run | head`) ends the run, as SIGPIPE would, without a trace.
for (const stream of [process.stdout, process.stderr])
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(0);
  });

const interrupted = new AbortController();
process.on('SIGINT', () => {
  if (interrupted.signal.aborted) process.exit(130);
  interrupted.abort();
});

let code: number;
try {
  code = await runStage(process.argv.slice(2), {
    log: {
      info: (line) => process.stdout.write(`${line}\n`),
      warn: (line) => process.stderr.write(`${line}\n`),
      error: (line) => process.stderr.write(`${line}\n`),
    },
    signal: interrupted.signal,
  });
} catch (error) {
  // A bug rather than a cluster problem (those are reported as one line): keep the stack.
  process.stderr.write(
    `error: unexpected: ${error instanceof Error ? error.stack : String(error)}\n`,
  );
  code = EXIT_FAILED;
}
if (interrupted.signal.aborted) code = 130;
// Exit once the output is flushed (a pipe takes large output, like --dry-run's, in pieces), without
// waiting on anything the Kubernetes client may leave behind.
const flushed = (stream: NodeJS.WriteStream) =>
  new Promise<void>((resolve) => stream.write('', () => resolve()));
await Promise.all([flushed(process.stdout), flushed(process.stderr)]);
process.exit(code);
