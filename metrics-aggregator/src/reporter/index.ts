/**
 * `@classpulse/metrics-aggregator/reporter`: what a page reports about itself — load outcome and
 * time to interactive, web vitals, errors by kind, its live connection, a heartbeat — batched
 * into beacons for the aggregator. Imports no validator: the catalog's types keep it honest.
 */
export { startPageMetrics, type PageMetrics, type PageMetricsOptions } from './page-metrics.ts';
export type { App, ClientErrorKind, ConnectionEvent } from '../catalog/client-metrics.ts';
export type { PageTokenGrant } from '../page-token/grant.ts';
