/** `@classpulse/metrics-aggregator/server`: the ingest server, for main.ts and the embedded launcher. */
export {
  createAggregatorServer,
  type AggregatorServer,
  type AggregatorDeps,
} from './aggregator-server.ts';
export { loadAggregatorConfig, AggregatorConfigError, type AggregatorConfig } from './config.ts';
export { createAggregatorLogger } from './logger.ts';
