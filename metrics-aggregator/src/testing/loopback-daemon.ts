import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';

/** A free loopback port (Prometheus and Alertmanager cannot report the port they bound for :0). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

export interface LoopbackDaemon {
  url: string;
  /** The end of its log, for failure messages. */
  log(): string;
  stop(): Promise<void>;
}

/**
 * Starts a Debian-packaged daemon (prometheus, prometheus-alertmanager) on a free loopback port
 * and waits until `readyPath` answers 2xx. Fails with the package to install when the binary is
 * missing, and with its log when it exits or never gets ready.
 */
export async function startLoopbackDaemon(options: {
  command: string;
  debianPackage: string;
  args: (port: number) => string[];
  readyPath: string;
}): Promise<LoopbackDaemon> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child: ChildProcess = spawn(options.command, options.args(port), {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let log = '';
  child.stderr?.on('data', (d: Buffer) => (log = (log + d.toString()).slice(-4000)));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const spawnError = new Promise<never>((_, reject) =>
    child.once('error', (e) =>
      reject(
        new Error(
          `${options.command} not runnable (apt-get install ${options.debianPackage}): ${e.message}`,
        ),
      ),
    ),
  );

  const deadline = Date.now() + 30_000;
  for (;;) {
    const ready = await Promise.race([
      fetch(`${url}${options.readyPath}`).then(
        (r) => r.ok,
        () => false,
      ),
      spawnError,
    ]);
    if (ready) break;
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`${options.command} did not become ready:\n${log}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }

  return {
    url,
    log: () => log,
    async stop() {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await exited;
      }
    },
  };
}
