import { pino, type Logger } from 'pino';

/** Namespaced, levelled logger. Beacons carry no secrets, and nothing from them is logged raw. */
export function createAggregatorLogger(level: string): Logger {
  return pino({ name: 'metrics-aggregator', level });
}
