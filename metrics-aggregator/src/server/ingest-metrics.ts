import { collectDefaultMetrics, Counter, Gauge, Registry, type Metric } from 'prom-client';
import {
  AGGREGATOR_METRICS,
  BEACON_RESULTS,
  REJECT_REASONS,
  type BeaconEvent,
  type BeaconResult,
  type RejectReason,
} from '../catalog/beacon.ts';
import { CATALOG, CLIENT_METRIC_NAMES } from '../catalog/catalog.ts';
import { PROMTOOL_REJECTED_DEFAULT_METRICS } from '../catalog/default-metrics.ts';
import { CatalogMetric } from './catalog-metric.ts';
import { registerSchoolClockMetrics } from './school-clock-metrics.ts';
import type { SchoolCalendar } from '../school-clock/index.ts';

export interface IngestMetrics {
  registry: Registry;
  /** Adds one validated event (labels already checked against the catalog). */
  record(event: BeaconEvent): void;
  countBeacon(result: BeaconResult): void;
  countAccepted(events: number): void;
  countRejected(reason: RejectReason, count?: number): void;
}

/** Counters with at most this many label combinations start at 0, so `rate()` sees them early. */
const ZERO_INIT_MAX_SERIES = 32;

function combinations(
  labels: Readonly<Record<string, readonly string[]>>,
): Record<string, string>[] {
  return Object.entries(labels).reduce<Record<string, string>[]>(
    (acc, [name, values]) =>
      acc.flatMap((partial) => values.map((v) => ({ ...partial, [name]: v }))),
    [{}],
  );
}

/**
 * The Prometheus registry: every catalog metric, the aggregator's own counters and the process
 * metrics. Label values reach prom-client only after the catalog check, so the exposition stays
 * valid whatever a client sends.
 */
export function createIngestMetrics(
  trackedPages: () => number,
  schoolClock: { calendar: SchoolCalendar; now: () => number },
): IngestMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  for (const name of PROMTOOL_REJECTED_DEFAULT_METRICS) registry.removeSingleMetric(name);
  registerSchoolClockMetrics(registry, schoolClock.calendar, schoolClock.now);

  const catalogMetrics = new Map<string, CatalogMetric>();
  for (const name of CLIENT_METRIC_NAMES) {
    const def = CATALOG[name];
    const metric = new CatalogMetric(name, def);
    registry.registerMetric(metric as unknown as Metric);
    catalogMetrics.set(name, metric);
    const all = combinations(def.labels);
    if (def.type === 'counter' && all.length <= ZERO_INIT_MAX_SERIES)
      for (const labels of all) metric.record(labels, 0);
  }

  // The aggregator's own counters are plain numbers on the ingest path, handed to prom-client
  // when it scrapes (collect), so counting costs an addition per beacon.
  const beaconCounts = new Map<BeaconResult, number>(BEACON_RESULTS.map((r) => [r, 0]));
  const rejectedCounts = new Map<RejectReason, number>(REJECT_REASONS.map((r) => [r, 0]));
  let acceptedEvents = 0;
  new Counter({
    name: AGGREGATOR_METRICS.beacons,
    help: 'Beacons received, by whether all, some or none of their events were kept.',
    labelNames: ['result'],
    registers: [registry],
    collect() {
      this.reset();
      for (const [result, count] of beaconCounts) this.inc({ result }, count);
    },
  });
  new Counter({
    name: AGGREGATOR_METRICS.eventsAccepted,
    help: 'Events recorded from beacons.',
    registers: [registry],
    collect() {
      this.reset();
      this.inc(acceptedEvents);
    },
  });
  new Counter({
    name: AGGREGATOR_METRICS.rejected,
    help: 'Dropped input by reason: events for event-level and page-token reasons, whole beacons for other request-level ones.',
    labelNames: ['reason'],
    registers: [registry],
    collect() {
      this.reset();
      for (const [reason, count] of rejectedCounts) this.inc({ reason }, count);
    },
  });
  new Gauge({
    name: AGGREGATOR_METRICS.trackedPages,
    help: 'Reporting pages with a rate-limit bucket in memory.',
    registers: [registry],
    // Read at scrape time, not on every beacon.
    collect() {
      this.set(trackedPages());
    },
  });

  return {
    registry,
    record(event) {
      catalogMetrics.get(event.m)?.record(event.l, event.v);
    },
    countBeacon: (result) => beaconCounts.set(result, beaconCounts.get(result)! + 1),
    countAccepted: (events) => {
      acceptedEvents += events;
    },
    countRejected: (reason, count = 1) =>
      rejectedCounts.set(reason, rejectedCounts.get(reason)! + count),
  };
}
