import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import next from 'next';
import { poolStats } from '../server/data/connect.ts';
import { webConfig } from '../server/config.ts';
import { database } from '../server/db.ts';
import { admitRequest, hardenServer, serverOptions } from '../server/front-door.ts';
import { logRetentionPass, startProcessRetentionJob } from '../server/retention-scheduler.ts';
import { webMetrics } from '../server/web-metrics.ts';
import { LIMITS } from '@classpulse/realtime/protocol';
import { converterFor } from '../importing/converter-for.ts';
import { registerConverter } from '../importing/converter-registry.ts';
import type { WebServerConfig } from './config.ts';
import { routeLabel } from './route-label.ts';
import { listen, urlOf } from './listen.ts';

export interface WebServer {
  url: string;
  internalUrl: string;
  /** Stops taking requests, lets open ones finish, closes Next and the database; safe twice. */
  close(): Promise<void>;
}

export interface WebServerDeps {
  /** The Next app folder (web/); default: this package's. */
  dir?: string;
}

const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

/**
 * The web tier as Kubernetes runs it: Next on the public port, every request counted by route
 * pattern and timed; and an internal port with /metrics (requests, latency, database queries and
 * pool), /healthz (the process answers) and /readyz (it can reach its database: a replica that
 * cannot is taken out of the Service instead of failing requests).
 */
export async function createWebServer(
  config: WebServerConfig,
  deps: WebServerDeps = {},
): Promise<WebServer> {
  const dir = deps.dir ?? fileURLToPath(new URL('../..', import.meta.url));
  const metrics = webMetrics();
  const app = next({ dev: false, dir, hostname: config.host, port: config.port });
  await app.prepare();
  const handle = app.getRequestHandler();
  let closing = false;

  const { http, uploadMaxBytes, imports } = webConfig();
  registerConverter(converterFor(imports, { maxPages: LIMITS.slidesMax }));
  const files = { uploadMaxBytes, importMaxBytes: imports.maxBytes };
  const publicServer = createServer(serverOptions(http), (req, res) => {
    const started = performance.now();
    const route = routeLabel(req.url);
    const method = METHODS.has(req.method ?? '') ? req.method! : 'other';
    res.once('finish', () => {
      metrics.requests.inc({ route, method, status: String(res.statusCode) });
      metrics.requestDuration.observe({ route, method }, (performance.now() - started) / 1000);
    });
    if (admitRequest(req, res, http, files)) void handle(req, res);
  });
  hardenServer(publicServer, http);

  const internalServer = createServer((req, res) => {
    void internal(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500).end();
    });
  });

  async function internal(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = (req.url ?? '/').split('?')[0];
    if (path === '/healthz')
      return json(res, closing ? 503 : 200, { status: closing ? 'shutting-down' : 'ok' });
    if (path === '/readyz') {
      const ready = !closing && (await databaseAnswers());
      return json(res, ready ? 200 : 503, { status: ready ? 'ready' : 'not-ready' });
    }
    if (path === '/metrics' && req.method === 'GET') {
      const stats = poolStats(await database());
      if (stats) {
        metrics.pool.set({ state: 'total' }, stats.total);
        metrics.pool.set({ state: 'idle' }, stats.idle);
        metrics.pool.set({ state: 'waiting' }, stats.waiting);
      }
      res.writeHead(200, { 'content-type': metrics.registry.contentType });
      res.end(await metrics.registry.metrics());
      return;
    }
    json(res, 404, { status: 'not-found' });
  }

  const port = await listen(publicServer, config.port, config.host);
  const internalPort = await listen(internalServer, config.internalPort, config.internalHost);
  // Every replica runs the daily retention job; a lease in the database lets one do each day's pass.
  const retention = await startProcessRetentionJob(logRetentionPass);

  let closed: Promise<void> | undefined;
  return {
    url: urlOf(config.host, port),
    internalUrl: urlOf(config.internalHost, internalPort),
    close() {
      closed ??= (async () => {
        closing = true;
        await new Promise<void>((resolve) => publicServer.close(() => resolve()));
        publicServer.closeIdleConnections();
        internalServer.closeAllConnections();
        await new Promise<void>((resolve) => internalServer.close(() => resolve()));
        await retention?.stop();
        await app.close();
        await (await database()).destroy();
      })();
      return closed;
    },
  };
}

/** The database answers a trivial query within two seconds. */
async function databaseAnswers(): Promise<boolean> {
  try {
    const db = await database();
    await Promise.race([
      sql`select 1`.execute(db),
      new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), 2_000).unref()),
    ]);
    return true;
  } catch {
    return false;
  }
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}
