/** `@classpulse/metrics-aggregator/catalog`: the metric allow-list and the beacon format. */
export * from './client-metrics.ts';
export * from './beacon.ts';
export * from './catalog.ts';
export { checkEvent } from './event-check.ts';
export * from './probe-metrics.ts';
export * from './default-metrics.ts';
export * from './web-server-metrics.ts';
export * from './slide-conversion-metrics.ts';
