import { SLIDE_CONVERSION_METRICS as M } from '@classpulse/metrics-aggregator/catalog';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** The converter service's metrics (prom-client, built from the catalog). */
export function converterMetrics() {
  const registry = new Registry();
  const registers = [registry];
  collectDefaultMetrics({ register: registry });
  return {
    registry,
    conversions: new Counter({
      ...M.conversions,
      labelNames: [...M.conversions.labelNames],
      registers,
    }),
    duration: new Histogram({
      ...M.duration,
      labelNames: [...M.duration.labelNames],
      buckets: [...M.duration.buckets],
      registers,
    }),
    pages: new Counter({ ...M.pages, labelNames: [], registers }),
    queue: new Gauge({ ...M.queue, labelNames: [...M.queue.labelNames], registers }),
  };
}
export type ConverterMetrics = ReturnType<typeof converterMetrics>;
