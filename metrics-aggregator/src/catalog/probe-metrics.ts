/**
 * The probes' metrics (issue: geo-distributed probes). Names live here, in the one catalog, so
 * dashboards and alerts (k8s/) and the probes themselves spell them the same way. `probe` is
 * always the location (a region name), `target` the configured name of what is probed.
 */

export const PROBE_KINDS = ['firebase', 'realtime', 'web'] as const;
export type ProbeKind = (typeof PROBE_KINDS)[number];

/** Per kind: the duration histogram and the runs counter. */
export const PROBE_METRICS = {
  firebase: { duration: 'firebase_probe_duration_seconds', runs: 'firebase_probe_runs_total' },
  realtime: { duration: 'realtime_probe_duration_seconds', runs: 'realtime_probe_runs_total' },
  web: { duration: 'web_probe_duration_seconds', runs: 'web_probe_runs_total' },
} as const satisfies Record<ProbeKind, { duration: string; runs: string }>;

/** The probe's own health: clock skew seen by Firebase, the loop's liveness, its own failures. */
export const PROBE_SELF_METRICS = {
  serverTimeOffset: 'firebase_probe_server_time_offset_seconds',
  lastRun: 'probe_last_run_timestamp_seconds',
  errors: 'probe_errors_total',
} as const;

/** The phases each kind times, in order. */
export const PROBE_PHASES = {
  firebase: ['connect', 'auth', 'write', 'fanout', 'cleanup', 'rest_get', 'rest_put'],
  realtime: ['connect', 'roundtrip'],
  web: ['load'],
} as const satisfies Record<ProbeKind, readonly string[]>;

/** How a phase talked to its target. */
export const PROBE_TRANSPORTS = ['websocket', 'rest', 'polling', 'http'] as const;

/** Why a run failed; `none` when it succeeded. A closed set: never an error message. */
export const PROBE_FAILURE_REASONS = [
  'none',
  'timeout',
  'connection_refused',
  'dns',
  'tls',
  'auth',
  'permission_denied',
  'http_status',
  'protocol',
  'unknown',
] as const;
export type ProbeFailureReason = (typeof PROBE_FAILURE_REASONS)[number];

/** The probe's own failures, by kind (`probe_errors_total{kind}`). */
export const PROBE_ERROR_KINDS = ['config', 'credentials', 'location', 'internal'] as const;
export type ProbeErrorKind = (typeof PROBE_ERROR_KINDS)[number];

/** Latency edges from a fast local round trip to a phase timing out. */
export const PROBE_DURATION_BUCKETS = [
  0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30,
] as const;
