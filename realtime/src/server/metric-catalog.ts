/**
 * `@classpulse/realtime/metrics`: the socket tier's own Prometheus metrics as plain data. The
 * server builds its prom-client metrics from these definitions (`metrics.ts`), and dashboards and
 * alerts (k8s/) import the names and labels from here instead of retyping them. No dependencies,
 * so importing it starts nothing.
 *
 * Label values are closed sets (roles, command types, error codes): never a user, session or
 * join code.
 */

interface GaugeDef {
  readonly name: string;
  readonly help: string;
  readonly type: 'gauge';
  readonly labelNames: readonly string[];
}
interface CounterDef {
  readonly name: string;
  readonly help: string;
  readonly type: 'counter';
  readonly labelNames: readonly string[];
}
interface HistogramDef {
  readonly name: string;
  readonly help: string;
  readonly type: 'histogram';
  readonly labelNames: readonly string[];
  readonly buckets: readonly number[];
}
export type RealtimeMetricDef = GaugeDef | CounterDef | HistogramDef;

export const REALTIME_METRICS = {
  connectedSockets: {
    name: 'realtime_connected_sockets',
    help: 'Sockets connected now, by role.',
    type: 'gauge',
    labelNames: ['role'],
  },
  liveSessions: {
    name: 'realtime_sessions_in_memory',
    help: 'Sessions held in memory by this process.',
    type: 'gauge',
    labelNames: [],
  },
  commands: {
    name: 'realtime_commands_total',
    help: 'Commands handled, by type and result (ok, duplicate or an error code).',
    type: 'counter',
    labelNames: ['type', 'result'],
  },
  ackLatency: {
    name: 'realtime_ack_latency_seconds',
    help: 'Time from receiving a client event to acknowledging it (includes the durable write).',
    type: 'histogram',
    labelNames: ['event'],
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
  },
  rejectedMessages: {
    name: 'realtime_rejected_messages_total',
    help: 'Client messages refused, by reason (an error code; closed_ignoring_rate_limit: a socket closed because its client kept sending while refused).',
    type: 'counter',
    labelNames: ['reason'],
  },
  httpRefused: {
    name: 'realtime_http_refused_total',
    help: 'HTTP requests the realtime tier cut off before socket.io or the API saw them, by reason (timeout: headers or request not sent in time, as a slowloris client does; bad_request: malformed HTTP).',
    type: 'counter',
    labelNames: ['reason'],
  },
  studentErasures: {
    name: 'classpulse_student_erasures_total',
    help: 'Students erased from a session on request (what was erased is never kept).',
    type: 'counter',
    labelNames: [],
  },
  storeCommitSeconds: {
    name: 'realtime_store_append_seconds',
    help: 'Time for a store append to become durable.',
    type: 'histogram',
    labelNames: [],
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1],
  },
} as const satisfies Record<string, RealtimeMetricDef>;

/** Closed label values of `realtime_http_refused_total`. */
export const REALTIME_HTTP_REFUSAL_REASONS = ['timeout', 'bad_request'] as const;
export type RealtimeHttpRefusalReason = (typeof REALTIME_HTTP_REFUSAL_REASONS)[number];

export type RealtimeMetricKey = keyof typeof REALTIME_METRICS;
