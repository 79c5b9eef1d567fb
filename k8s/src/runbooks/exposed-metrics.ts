import {
  AGGREGATOR_METRICS,
  CLIENT_METRICS,
  PROBE_KINDS,
  PROBE_METRICS,
  PROBE_SELF_METRICS,
  SLIDE_CONVERSION_METRICS,
  WEB_SERVER_METRICS,
} from '@classpulse/metrics-aggregator/catalog';
import { SCHOOL_CLOCK_METRICS } from '@classpulse/metrics-aggregator/school-clock';
import { REALTIME_METRICS } from '@classpulse/realtime/metrics';
import { STANDARD_METRICS } from '../dashboards/promql-check.ts';

/**
 * Which metrics each of our images serves on its metrics port, from the catalogs each service
 * builds its prom-client registry from: the aggregator the client catalog and its own counters
 * (metrics-aggregator/src/server/ingest-metrics.ts), realtime REALTIME_METRICS
 * (realtime/src/server/metrics.ts), the probes PROBE_METRICS and PROBE_SELF_METRICS
 * (probes/src/metrics.ts), web WEB_SERVER_METRICS (web/src/server/web-metrics.ts), the slide
 * converter SLIDE_CONVERSION_METRICS. The Node services but web also collect prom-client's
 * default metrics. `up` is Prometheus's
 * own, on every target. Keyed by the service name in the image, `classpulse-<service>`
 * (src/manifests/pod.ts).
 */
const NODE_DEFAULT_METRICS = STANDARD_METRICS.filter((name) => name !== 'up');

export const SERVICE_METRICS: Readonly<Record<string, readonly string[]>> = {
  'metrics-aggregator': [
    ...Object.keys(CLIENT_METRICS),
    ...Object.values(AGGREGATOR_METRICS),
    ...Object.values(SCHOOL_CLOCK_METRICS),
    ...NODE_DEFAULT_METRICS,
  ],
  realtime: [...Object.values(REALTIME_METRICS).map((def) => def.name), ...NODE_DEFAULT_METRICS],
  probes: [
    ...PROBE_KINDS.flatMap((kind) => [PROBE_METRICS[kind].duration, PROBE_METRICS[kind].runs]),
    ...Object.values(PROBE_SELF_METRICS),
    ...NODE_DEFAULT_METRICS,
  ],
  web: Object.values(WEB_SERVER_METRICS).map((def) => def.name),
  // The slide converter (web/src/converter/converter-metrics.ts) collects the defaults too.
  converter: [
    ...Object.values(SLIDE_CONVERSION_METRICS).map((def) => def.name),
    ...NODE_DEFAULT_METRICS,
  ],
};

/** `registry/classpulse-probes:tag` → `probes`; undefined for an image that is not ours. */
export function serviceOfImage(image: string): string | undefined {
  return /(?:^|\/)classpulse-([a-z0-9-]+)(?::[^/]*)?$/.exec(image)?.[1];
}

/**
 * Whether an image serves a metric: a catalog name, a histogram's `_bucket`/`_count`/`_sum`
 * series (when the catalog name is a histogram, per `isHistogram`), or `up` (every target).
 */
export function servesMetric(
  image: string,
  metric: string,
  isHistogram: (name: string) => boolean,
): boolean {
  if (metric === 'up') return true;
  const names = SERVICE_METRICS[serviceOfImage(image) ?? ''] ?? [];
  if (names.includes(metric)) return true;
  const series = /^(.+)_(bucket|count|sum)$/.exec(metric);
  return !!series && names.includes(series[1]!) && isHistogram(series[1]!);
}
