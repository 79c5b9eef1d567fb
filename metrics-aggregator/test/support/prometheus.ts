import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface RunningPrometheus {
  url: string;
  /** An instant query's vector result as `[labels, value]` pairs. */
  query(expr: string): Promise<Array<{ metric: Record<string, string>; value: number }>>;
  stop(): Promise<void>;
}

/** A free loopback port (Prometheus cannot report the port it bound for :0). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/**
 * The Debian `prometheus` binary on loopback with its own temporary storage, scraping
 * `targets` (host:port) every second.
 */
export async function startPrometheus(targets: string[]): Promise<RunningPrometheus> {
  const dir = mkdtempSync(join(tmpdir(), 'classpulse-prometheus-'));
  const config = join(dir, 'prometheus.yml');
  writeFileSync(
    config,
    [
      'global:',
      '  scrape_interval: 1s',
      '  evaluation_interval: 1s',
      'scrape_configs:',
      '  - job_name: metrics-aggregator',
      '    static_configs:',
      `      - targets: [${targets.map((t) => `'${t}'`).join(', ')}]`,
      '',
    ].join('\n'),
  );
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child: ChildProcess = spawn(
    'prometheus',
    [
      `--config.file=${config}`,
      `--storage.tsdb.path=${join(dir, 'data')}`,
      `--web.listen-address=127.0.0.1:${port}`,
      '--log.level=warn',
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let log = '';
  child.stderr?.on('data', (d: Buffer) => (log = (log + d.toString()).slice(-4000)));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const spawnError = new Promise<never>((_, reject) =>
    child.once('error', (e) =>
      reject(new Error(`prometheus not runnable (apt-get install prometheus): ${e.message}`)),
    ),
  );

  const deadline = Date.now() + 30_000;
  for (;;) {
    const ready = await Promise.race([
      fetch(`${url}/-/ready`).then(
        (r) => r.ok,
        () => false,
      ),
      spawnError,
    ]);
    if (ready) break;
    if (child.exitCode !== null || Date.now() > deadline)
      throw new Error(`prometheus did not become ready:\n${log}`);
    await new Promise((r) => setTimeout(r, 100));
  }

  return {
    url,
    async query(expr) {
      const response = await fetch(`${url}/api/v1/query?query=${encodeURIComponent(expr)}`);
      const body = (await response.json()) as {
        status: string;
        error?: string;
        data?: { result: Array<{ metric: Record<string, string>; value: [number, string] }> };
      };
      if (body.status !== 'success') throw new Error(`query ${expr} failed: ${body.error}`);
      return (body.data?.result ?? []).map((r) => ({
        metric: r.metric,
        value: Number(r.value[1]),
      }));
    },
    async stop() {
      child.kill('SIGTERM');
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
