import {
  PROBE_DURATION_BUCKETS,
  PROBE_ERROR_KINDS,
  PROBE_KINDS,
  PROBE_METRICS,
  PROBE_SELF_METRICS,
  PROMTOOL_REJECTED_DEFAULT_METRICS,
  type ProbeErrorKind,
  type ProbeFailureReason,
  type ProbeKind,
} from '@classpulse/metrics-aggregator/catalog';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

export interface ProbeMetrics {
  registry: Registry;
  observePhase(
    kind: ProbeKind,
    labels: { target: string; probe: string; transport: string; phase: string },
    seconds: number,
  ): void;
  countRun(
    kind: ProbeKind,
    labels: {
      target: string;
      probe: string;
      transport: string;
      result: 'success' | 'failure';
      reason: ProbeFailureReason;
    },
  ): void;
  setServerTimeOffset(labels: { target: string; probe: string }, seconds: number): void;
  markRun(labels: { target: string; probe: string; check: ProbeKind }, unixSeconds: number): void;
  countError(kind: ProbeErrorKind): void;
}

/** Names from the catalog (`@classpulse/metrics-aggregator/catalog`), so alerts spell them alike. */
export function createProbeMetrics(): ProbeMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  for (const name of PROMTOOL_REJECTED_DEFAULT_METRICS) registry.removeSingleMetric(name);

  const durations = new Map(
    PROBE_KINDS.map((kind) => [
      kind,
      new Histogram({
        name: PROBE_METRICS[kind].duration,
        help: `Time of each phase of a successful ${kind} probe run, by location.`,
        labelNames: ['target', 'probe', 'transport', 'phase'],
        buckets: [...PROBE_DURATION_BUCKETS],
        registers: [registry],
      }),
    ]),
  );
  const runs = new Map(
    PROBE_KINDS.map((kind) => [
      kind,
      new Counter({
        name: PROBE_METRICS[kind].runs,
        help: `${kind} probe runs by result and, for failures, the reason.`,
        labelNames: ['target', 'probe', 'transport', 'result', 'reason'],
        registers: [registry],
      }),
    ]),
  );
  const offset = new Gauge({
    name: PROBE_SELF_METRICS.serverTimeOffset,
    help: "Firebase's .info/serverTimeOffset as this probe sees it (clock skew).",
    labelNames: ['target', 'probe'],
    registers: [registry],
  });
  const lastRun = new Gauge({
    name: PROBE_SELF_METRICS.lastRun,
    help: 'When each check last finished a run (the probe loop is alive).',
    labelNames: ['target', 'probe', 'check'],
    registers: [registry],
  });
  const errors = new Counter({
    name: PROBE_SELF_METRICS.errors,
    help: "The probe's own failures: configuration, credentials, location lookup, internal.",
    labelNames: ['kind'],
    registers: [registry],
  });
  for (const kind of PROBE_ERROR_KINDS) errors.inc({ kind }, 0);

  return {
    registry,
    observePhase: (kind, labels, seconds) => durations.get(kind)?.observe(labels, seconds),
    countRun: (kind, labels) => runs.get(kind)?.inc(labels),
    setServerTimeOffset: (labels, seconds) => offset.set(labels, seconds),
    markRun: (labels, unixSeconds) => lastRun.set(labels, unixSeconds),
    countError: (kind) => errors.inc({ kind }),
  };
}
