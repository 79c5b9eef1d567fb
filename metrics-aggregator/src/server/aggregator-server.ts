import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import { BEACON_PATH } from '../catalog/beacon.ts';
import { CLIENT_METRIC_NAMES } from '../catalog/catalog.ts';
import { pageTokenKey } from '../page-token/page-token.ts';
import { createBeaconHandler } from './beacon-handler.ts';
import type { AggregatorConfig } from './config.ts';
import { createIngestMetrics, type IngestMetrics } from './ingest-metrics.ts';
import { createAggregatorLogger } from './logger.ts';
import { MetricCeiling } from './metric-ceiling.ts';
import { PageRateLimiter } from './page-rate-limiter.ts';

export interface AggregatorDeps {
  logger?: Logger;
  /** Milliseconds; the rate limits', token expiry's and school clock's clock. */
  now?: () => number;
}

export interface AggregatorServer {
  /** Public port (beacons). */
  port: number;
  url: string;
  /** Internal port (/metrics, /healthz). */
  internalPort: number;
  internalUrl: string;
  metrics: IngestMetrics;
  /**
   * The beacon endpoint as a request handler, for a host that serves it on its own origin (the
   * embedded launcher mounts it at /v1/beacon of the web app, so pages need no CORS at all).
   */
  handleBeacon(req: IncomingMessage, res: ServerResponse): void;
  /** Stops both ports; safe to call twice. */
  close(): Promise<void>;
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

function urlOf(host: string, port: number): string {
  const shown = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
  return `http://${shown.includes(':') ? `[${shown}]` : shown}:${port}`;
}

function answerText(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' });
  res.end(text);
}

/**
 * Browsers' metrics in, Prometheus metrics out. Two ports: the public one takes beacons (and
 * answers /healthz for load balancers); the internal one serves /metrics and /healthz and is
 * never exposed to the internet. Several replicas each count what they received: sum them in
 * PromQL (`sum by (app, outcome) (rate(classroom_app_loads_total[5m]))`).
 */
export async function createAggregatorServer(
  config: AggregatorConfig,
  deps: AggregatorDeps = {},
): Promise<AggregatorServer> {
  const logger = deps.logger ?? createAggregatorLogger(config.logLevel);
  const now = deps.now ?? Date.now;
  const limiter = new PageRateLimiter({
    eventsPerSecond: config.pageEventsPerSecond,
    burst: config.pageEventsBurst,
    maxPages: config.maxTrackedPages,
    now,
  });
  const ceiling = new MetricCeiling(
    CLIENT_METRIC_NAMES,
    { eventsPerSecond: config.metricEventsPerSecond, burst: config.metricEventsBurst },
    now(),
  );
  const metrics = createIngestMetrics(() => limiter.size, {
    calendar: config.schoolCalendar,
    now,
  });
  const handleBeacon = createBeaconHandler({
    corsOrigins: config.corsOrigins,
    maxBodyBytes: config.maxBodyBytes,
    maxEventsPerBeacon: config.maxEventsPerBeacon,
    metrics,
    limiter,
    ceiling,
    pageTokenKey: pageTokenKey(config.pageTokenSecret),
    now,
    logger,
  });

  let closing = false;
  const publicServer = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (path === BEACON_PATH) return handleBeacon(req, res);
    if (path === '/healthz' && req.method === 'GET')
      return answerText(res, closing ? 503 : 200, closing ? 'closing' : 'ok');
    answerText(res, 404, 'Not found. Beacons go to POST /v1/beacon.');
  });
  // A slow or stalled upload cannot hold a socket for long.
  publicServer.requestTimeout = 15_000;
  publicServer.headersTimeout = 10_000;

  const internalServer = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (path === '/healthz')
      return answerText(res, closing ? 503 : 200, closing ? 'closing' : 'ok');
    if (path === '/metrics' && (req.method === 'GET' || req.method === 'HEAD')) {
      metrics.registry
        .metrics()
        .then((text) => {
          res.writeHead(200, { 'Content-Type': metrics.registry.contentType });
          res.end(req.method === 'HEAD' ? undefined : text);
        })
        .catch((error: unknown) => {
          logger.error({ err: error }, 'metrics rendering failed');
          answerText(res, 500, 'metrics unavailable');
        });
      return;
    }
    answerText(res, 404, 'Not found: /metrics, /healthz.');
  });

  const port = await listen(publicServer, config.port, config.host);
  let internalPort: number;
  try {
    internalPort = await listen(internalServer, config.internalPort, config.internalHost);
  } catch (error) {
    publicServer.close();
    throw error;
  }
  logger.info({ port, internalPort }, 'metrics aggregator listening');

  let closed: Promise<void> | null = null;
  return {
    port,
    url: urlOf(config.host, port),
    internalPort,
    internalUrl: urlOf(config.internalHost, internalPort),
    metrics,
    handleBeacon,
    close() {
      closed ??= (async () => {
        closing = true;
        const stop = (server: Server) =>
          new Promise<void>((resolve) => {
            server.close(() => resolve());
            server.closeIdleConnections();
          });
        const force = setTimeout(() => {
          publicServer.closeAllConnections();
          internalServer.closeAllConnections();
        }, config.shutdownGraceMs);
        force.unref();
        await Promise.all([stop(publicServer), stop(internalServer)]);
        clearTimeout(force);
      })();
      return closed;
    },
  };
}
