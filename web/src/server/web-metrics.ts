import { WEB_SERVER_METRICS } from '@classpulse/metrics-aggregator/catalog';
import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import { processSingleton } from './process-singleton.ts';

/**
 * The web tier's own metrics (prom-client, built from the catalog's WEB_SERVER_METRICS), one registry per process shared by the HTTP server
 * (requests) and the route handlers Next bundles (database queries), hence on globalThis. Labels
 * are bounded: a route is a pattern (route-label.ts), never a URL; no user, deck or session ids.
 */
export interface WebMetrics {
  registry: Registry;
  requests: Counter<'route' | 'method' | 'status'>;
  requestDuration: Histogram<'route' | 'method'>;
  queryDuration: Histogram<'outcome'>;
  pool: Gauge<'state'>;
  refused: Counter<'reason'>;
  retentionDeleted: Counter<'kind'>;
  retentionRuns: Counter<'outcome'>;
  retentionLastSuccess: Gauge;
}

const M = WEB_SERVER_METRICS;

export function webMetrics(): WebMetrics {
  return processSingleton('web-metrics', createWebMetrics);
}

/** A registry of its own with every web metric (the process's is `webMetrics()`; tests make more). */
export function createWebMetrics(): WebMetrics {
  const registry = new Registry();
  const registers = [registry];
  return {
    registry,
    requests: new Counter({ ...M.requests, labelNames: [...M.requests.labelNames], registers }),
    requestDuration: new Histogram({
      ...M.requestDuration,
      labelNames: [...M.requestDuration.labelNames],
      buckets: [...M.requestDuration.buckets],
      registers,
    }),
    queryDuration: new Histogram({
      ...M.queryDuration,
      labelNames: [...M.queryDuration.labelNames],
      buckets: [...M.queryDuration.buckets],
      registers,
    }),
    pool: new Gauge({ ...M.pool, labelNames: [...M.pool.labelNames], registers }),
    refused: new Counter({ ...M.refused, labelNames: [...M.refused.labelNames], registers }),
    retentionDeleted: new Counter({
      ...M.retentionDeleted,
      labelNames: [...M.retentionDeleted.labelNames],
      registers,
    }),
    retentionRuns: new Counter({
      ...M.retentionRuns,
      labelNames: [...M.retentionRuns.labelNames],
      registers,
    }),
    retentionLastSuccess: new Gauge({ ...M.retentionLastSuccess, labelNames: [], registers }),
  };
}
