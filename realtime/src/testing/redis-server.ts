import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { Redis } from 'ioredis';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface RedisServer {
  url: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.once('error', reject);
  });
}

/**
 * Debian's redis-server (or the one at `serverPath`) on a free loopback port, configured as
 * production should be for the session store: append-only file, fsync before every reply, no RDB
 * snapshots. For the tests of every workspace; never imported by production code.
 */
export async function startRedisServer(serverPath = '/usr/bin/redis-server'): Promise<RedisServer> {
  const path = mkdtempSync(join(tmpdir(), 'classpulse-redis-'));
  const dir = { path, remove: () => rmSync(path, { recursive: true, force: true }) };
  const port = await freePort();
  const child = spawn(
    serverPath,
    [
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      '--dir',
      dir.path,
      '--appendonly',
      'yes',
      '--appendfsync',
      'always',
      '--save',
      '',
    ],
    { stdio: 'ignore' },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `redis://127.0.0.1:${port}`;
  const probe = new Redis(url, {
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  probe.on('error', () => undefined); // refused until the server listens; retried below
  for (let attempt = 0; ; attempt++) {
    try {
      await probe.connect();
      await probe.ping();
      break;
    } catch (error) {
      probe.disconnect();
      if (attempt > 100) throw error;
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  probe.disconnect();
  return {
    url,
    process: child,
    async stop() {
      child.kill('SIGTERM');
      await exited;
      dir.remove();
    },
  };
}
