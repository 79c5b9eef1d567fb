import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { KubeConfig } from '@kubernetes/client-node';
import { pino, type Logger } from 'pino';
import type { Check } from './check.ts';
import { openFirebaseAdmin } from '@classpulse/realtime/firebase-admin';
import { firebaseCheck } from './checks/firebase-check.ts';
import { createTokenService } from '@classpulse/realtime/tokens';
import { realtimeCheck } from './checks/realtime-check.ts';
import { webCheck } from './checks/web-check.ts';
import type { ProbeConfig } from './config.ts';
import { resolveLocation } from './location.ts';
import { createProbeMetrics, type ProbeMetrics } from './metrics.ts';
import { ProbeLoop } from './probe-loop.ts';

export interface ProbeDeps {
  logger?: Logger;
  /** How to reach the Kubernetes API for the node's region (main.ts loads the default). */
  kubeConfig?: KubeConfig;
  /** Checks to run instead of those the config names (tests). */
  checks?: Check[];
  random?: () => number;
  onTick?: (check: Check) => void;
  /**
   * Set when the configuration was invalid: the probe runs no checks, counts a `config` error,
   * says why on /readyz and stays up, so a typo is an alert rather than a crash loop.
   */
  configProblem?: string;
}

export interface ProbeServer {
  port: number;
  url: string;
  location: string;
  metrics: ProbeMetrics;
  loop: ProbeLoop;
  /** Stops the loop (waiting for runs in flight) and the HTTP server; safe to call twice. */
  close(): Promise<void>;
}

function checksFrom(config: ProbeConfig, metrics: ProbeMetrics, logger: Logger): Check[] {
  const checks: Check[] = [];
  if (config.firebase) {
    try {
      const admin = openFirebaseAdmin(config.firebase.admin);
      checks.push(firebaseCheck({ ...config.firebase, config: config.firebase.admin, admin }));
    } catch (error) {
      // A key that cannot be loaded: visible, and the other checks still run.
      metrics.countError('credentials');
      logger.error(
        { err: error instanceof Error ? error.message : String(error) },
        'cannot use the Firebase credentials',
      );
    }
  }
  if (config.realtime)
    checks.push(
      realtimeCheck({
        url: config.realtime.url,
        // Only probe tokens are signed here; the TTLs of the other roles do not apply.
        tokens: createTokenService({
          secret: config.realtime.tokenSecret,
          teacherTtlSeconds: 60,
          studentTtlSeconds: 60,
        }),
      }),
    );
  if (config.webUrl) checks.push(webCheck(config.webUrl));
  return checks;
}

/**
 * A probe: resolves its location, runs its checks on a jittered interval, and serves /metrics,
 * /healthz (the process answers) and /readyz (the probe loop is alive). Its own failures —
 * no location, a check throwing — are logs and `probe_errors_total`, never a crash loop.
 */
export async function createProbeServer(
  config: ProbeConfig,
  deps: ProbeDeps = {},
): Promise<ProbeServer> {
  const logger = deps.logger ?? pino({ name: 'probes', level: config.logLevel });
  const metrics = createProbeMetrics();
  const location = await resolveLocation({
    configured: config.location,
    nodeName: config.nodeName,
    kubeConfig: deps.kubeConfig,
    timeoutMs: config.phaseTimeoutMs,
    logger,
    onLookupFailed: () => metrics.countError('location'),
  });
  const checks = deps.configProblem ? [] : (deps.checks ?? checksFrom(config, metrics, logger));
  if (deps.configProblem) {
    metrics.countError('config');
    logger.error(deps.configProblem);
  } else if (checks.length === 0) {
    metrics.countError('config');
    logger.warn(
      'no targets configured (FIREBASE_DATABASE_URL, PROBE_REALTIME_URL, PROBE_WEB_URL): the probe only serves its metrics',
    );
  }
  const loop = new ProbeLoop(checks, {
    intervalMs: config.intervalMs,
    jitterMs: config.jitterMs,
    maxConcurrency: config.maxConcurrency,
    context: {
      target: config.target,
      probe: location,
      metrics,
      phaseTimeoutMs: config.phaseTimeoutMs,
      logger,
    },
    logger,
    ...(deps.random ? { random: deps.random } : {}),
    onTick: (check) => {
      metrics.markRun(
        { target: config.target, probe: location, check: check.kind },
        Date.now() / 1000,
      );
      deps.onTick?.(check);
    },
  });

  const http: Server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (path === '/healthz') {
      res.writeHead(200, { 'Content-Type': 'text/plain' });
      return void res.end('ok');
    }
    if (path === '/readyz') {
      const ready = !deps.configProblem && loop.alive();
      res.writeHead(ready ? 200 : 503, { 'Content-Type': 'text/plain' });
      return void res.end(ready ? 'ok' : (deps.configProblem ?? 'probe loop is not running'));
    }
    if (path === '/metrics') {
      void metrics.registry.metrics().then(
        (text) => {
          res.writeHead(200, { 'Content-Type': metrics.registry.contentType });
          res.end(text);
        },
        () => {
          res.writeHead(500);
          res.end();
        },
      );
      return;
    }
    res.writeHead(404, { 'Content-Type': 'text/plain' });
    res.end('Not found: /metrics, /healthz, /readyz.');
  });
  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(config.port, config.host, () => resolve());
  });
  const port = (http.address() as AddressInfo).port;
  loop.start();
  logger.info({ port, location, checks: checks.map((c) => c.kind) }, 'probe running');

  let closed: Promise<void> | null = null;
  return {
    port,
    url: `http://${config.host === '0.0.0.0' ? '127.0.0.1' : config.host}:${port}`,
    location,
    metrics,
    loop,
    close() {
      closed ??= (async () => {
        await loop.stop();
        await Promise.allSettled(checks.map(async (c) => c.close?.()));
        http.closeAllConnections();
        await new Promise<void>((resolve) => http.close(() => resolve()));
      })();
      return closed;
    },
  };
}
