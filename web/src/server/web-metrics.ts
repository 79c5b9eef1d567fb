import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import { processSingleton } from './process-singleton.ts';

/**
 * The web tier's own metrics (prom-client), one registry per process shared by the HTTP server
 * (requests) and the route handlers Next bundles (database queries), hence on globalThis. Labels
 * are bounded: a route is a pattern (route-label.ts), never a URL; no user, deck or session ids.
 */
export interface WebMetrics {
  registry: Registry;
  requests: Counter<'route' | 'method' | 'status'>;
  requestDuration: Histogram<'route' | 'method'>;
  queryDuration: Histogram<'outcome'>;
  pool: Gauge<'state'>;
}

export function webMetrics(): WebMetrics {
  return processSingleton('web-metrics', () => {
    const registry = new Registry();
    return {
      registry,
      requests: new Counter({
        name: 'web_http_requests_total',
        help: 'HTTP requests the web tier answered, by route pattern, method and status.',
        labelNames: ['route', 'method', 'status'],
        registers: [registry],
      }),
      requestDuration: new Histogram({
        name: 'web_http_request_duration_seconds',
        help: 'Time to answer an HTTP request, by route pattern and method.',
        labelNames: ['route', 'method'],
        buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
        registers: [registry],
      }),
      queryDuration: new Histogram({
        name: 'web_db_query_duration_seconds',
        help: 'Time of one database query of the web tier, by outcome (ok or error).',
        labelNames: ['outcome'],
        buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1],
        registers: [registry],
      }),
      pool: new Gauge({
        name: 'web_db_pool_connections',
        help: 'PostgreSQL pool connections of this process: total, idle, and requests waiting.',
        labelNames: ['state'],
        registers: [registry],
      }),
    };
  });
}
