import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const LAUNCHER = fileURLToPath(new URL('../../src/embedded/main.ts', import.meta.url));

export interface Stack {
  webUrl: string;
  /** Where pages reach the realtime tier (with `realtime: false`, a port nothing listens on). */
  realtimeUrl: string;
  /** The metrics aggregator's internal URL (GET /metrics): what pages reported. */
  metricsUrl: string;
  /** The embedded realtime tier's internal URL (GET /metrics), null when not embedded. */
  realtimeMetricsUrl: string | null;
  /** The embedded probe's URL (GET /metrics), null when it did not start. */
  probeUrl: string | null;
  dataDir: string;
  /** The launcher's process id (web, realtime and aggregator live in it): for /proc (tests and benches
   * sample its memory). */
  readonly pid: number;
  /** The owner (an admin) the stack created through the printed setup link; null with `owner: false`. */
  owner: Credentials | null;
  /** The setup link the first start printed (already used unless `owner: false`). */
  setupUrl: string | null;
  /** Kills the whole process (web and realtime) without warning. */
  kill(): Promise<void>;
  /** Starts it again on the same ports and data folder. */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

interface Running {
  child: ChildProcess;
  exited: Promise<void>;
  web: string;
  realtime: string | null;
  /** The embedded realtime tier's internal port (/metrics), null when not embedded. */
  realtimeMetrics: string | null;
  metrics: string;
  probe: string | null;
  setupUrl: string | null;
}

export interface Credentials {
  name: string;
  email: string;
  password: string;
}

export const OWNER: Credentials = {
  name: 'Olivia Owner',
  email: 'owner@school.test',
  password: 'correct horse battery staple',
};

async function launch(
  dataDir: string,
  webPort: number,
  realtimePort: number,
  metricsPort: number,
  env: Record<string, string>,
): Promise<Running> {
  const child = spawn(process.execPath, [LAUNCHER], {
    env: {
      ...process.env,
      CLASSPULSE_DATA_DIR: dataDir,
      WEB_HOST: '127.0.0.1',
      WEB_PORT: String(webPort),
      REALTIME_HOST: '127.0.0.1',
      REALTIME_PORT: String(realtimePort),
      REALTIME_INTERNAL_PORT: '0',
      REALTIME_LOG_LEVEL: 'warn',
      REALTIME_STUDENT_BROADCAST_INTERVAL_MS: '50',
      AGGREGATOR_INTERNAL_PORT: String(metricsPort),
      AGGREGATOR_LOG_LEVEL: 'warn',
      PROBE_PORT: '0',
      PROBE_INTERVAL_MS: '2000',
      PROBE_JITTER_MS: '0',
      NEXT_TELEMETRY_DISABLED: '1',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const lines = createInterface({ input: child.stdout });
  const ready = await new Promise<{
    web: string;
    realtime: string | null;
    realtimeMetrics: string | null;
    metrics: string;
    probe: string | null;
    setupUrl: string | null;
  }>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`launcher exited with ${code}`)));
    lines.on('line', (line) => {
      if (!line.startsWith('{')) return;
      try {
        const msg = JSON.parse(line) as {
          event?: string;
          web?: string;
          realtime?: string | null;
          realtimeMetrics?: string | null;
          metrics?: string;
          probe?: string | null;
          setupUrl?: string | null;
        };
        if (msg.event === 'listening' && msg.web && msg.realtime !== undefined && msg.metrics)
          resolve({
            web: msg.web,
            realtime: msg.realtime,
            realtimeMetrics: msg.realtimeMetrics ?? null,
            metrics: msg.metrics,
            probe: msg.probe ?? null,
            setupUrl: msg.setupUrl ?? null,
          });
      } catch {
        // not our line
      }
    });
  });
  return { child, exited, ...ready };
}

/** A loopback port that was free a moment ago and has nothing listening on it. */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export interface StackOptions {
  /**
   * false: the launcher runs no realtime tier (WEB_EMBEDDED_REALTIME=false), and pages are sent
   * to a loopback port where nothing listens: the realtime tier is down, the rest is up.
   */
  realtime?: boolean;
  /** false: leave the setup link unused (the accounts suite uses it in Chromium). */
  owner?: boolean;
  /** Fills the new data folder before the first start (an older release's files). */
  seed?: (dataDir: string) => void;
}

/** Uses a setup link (as its page does) to create the owner account. */
export async function createOwner(setupUrl: string, owner = OWNER): Promise<void> {
  const url = new URL(setupUrl);
  const response = await fetch(new URL('/api/setup', url), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ token: url.hash.slice(1), ...owner }),
  });
  if (!response.ok) throw new Error(`creating the owner failed: ${await response.text()}`);
}

/**
 * The embedded stack exactly as `npm start` runs it (building the web app first if needed).
 * `env` adds variables, e.g. Firebase mode's.
 */
export async function startStack(
  extraEnv: Record<string, string> = {},
  options: StackOptions = {},
): Promise<Stack> {
  const dataDir = mkdtempSync(join(tmpdir(), 'classpulse-e2e-'));
  options.seed?.(dataDir);
  let env = extraEnv;
  if (options.realtime === false) {
    const nowhere = `http://127.0.0.1:${await closedPort()}`;
    env = {
      ...extraEnv,
      WEB_EMBEDDED_REALTIME: 'false',
      REALTIME_PUBLIC_URL: nowhere,
      REALTIME_INTERNAL_URL: nowhere,
      // The embedded probe would log the tier's absence every run; it is the point here.
      PROBE_LOG_LEVEL: 'error',
    };
  }
  let running = await launch(dataDir, 0, 0, 0, env);
  const setupUrl = running.setupUrl;
  const owner = options.owner === false || !setupUrl ? null : OWNER;
  if (owner && setupUrl) await createOwner(setupUrl, owner);
  const webPort = Number(new URL(running.web).port);
  const realtimeUrl = running.realtime ?? env.REALTIME_PUBLIC_URL!;
  const realtimePort = running.realtime ? Number(new URL(running.realtime).port) : 0;
  const metricsPort = Number(new URL(running.metrics).port);
  const stop = async () => {
    running.child.kill('SIGKILL');
    await running.exited;
  };
  return {
    webUrl: running.web.replace('localhost', '127.0.0.1'),
    realtimeUrl,
    get metricsUrl() {
      return running.metrics;
    },
    get pid() {
      return running.child.pid ?? 0;
    },
    get realtimeMetricsUrl() {
      return running.realtimeMetrics;
    },
    get probeUrl() {
      return running.probe;
    },
    dataDir,
    owner,
    setupUrl,
    kill: stop,
    async restart() {
      running = await launch(dataDir, webPort, realtimePort, metricsPort, env);
    },
    async stop() {
      await stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
