/**
 * The web tier's own server metrics (its /metrics on the internal port), as plain data: the web
 * app builds its prom-client metrics from these, and dashboards and alerts (k8s/) read the names
 * and labels from here instead of retyping them. Label values are bounded: a route is a pattern
 * such as `/api/decks/[id]`, never a URL; no user, deck or session ids.
 */
export const WEB_SERVER_METRICS = {
  requests: {
    name: 'web_http_requests_total',
    help: 'HTTP requests the web tier answered, by route pattern, method and status.',
    type: 'counter',
    labelNames: ['route', 'method', 'status'],
  },
  requestDuration: {
    name: 'web_http_request_duration_seconds',
    help: 'Time to answer an HTTP request, by route pattern and method.',
    type: 'histogram',
    labelNames: ['route', 'method'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  },
  queryDuration: {
    name: 'web_db_query_duration_seconds',
    help: 'Time of one database query of the web tier, by outcome (ok or error).',
    type: 'histogram',
    labelNames: ['outcome'],
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1],
  },
  pool: {
    name: 'web_db_pool_connections',
    help: 'PostgreSQL pool connections of this process: total, idle, and requests waiting.',
    type: 'gauge',
    labelNames: ['state'],
  },
  refused: {
    name: 'web_http_refused_total',
    help: 'Requests and connections the web tier refused before the app saw them, by reason (a malformed Host, a body over its limit or without a declared length, a client too slow to send its request, a bad request, the connection cap).',
    type: 'counter',
    labelNames: ['reason'],
  },
  retentionDeleted: {
    name: 'web_retention_deleted_total',
    help: 'What the retention job deleted because the retention period had passed, by kind (a session with its answers and health records from every store, an access audit entry); each counted once across replicas.',
    type: 'counter',
    labelNames: ['kind'],
  },
  retentionRuns: {
    name: 'web_retention_runs_total',
    help: 'Retention job passes started on this replica, by outcome (success; failure: something past retention could not be deleted and is retried; skipped: another replica holds the lease or already ran today).',
    type: 'counter',
    labelNames: ['outcome'],
  },
  retentionLastSuccess: {
    name: 'web_retention_last_success_timestamp_seconds',
    help: 'When a retention pass last succeeded on any replica (from the database, so every replica reports it); 0 before the first.',
    type: 'gauge',
    labelNames: [],
  },
} as const;

/** Closed label values of the web tier's metrics. */
export const WEB_DB_QUERY_OUTCOMES = ['ok', 'error'] as const;
export const WEB_DB_POOL_STATES = ['total', 'idle', 'waiting'] as const;
export const WEB_REFUSAL_REASONS = [
  'bad_host',
  'too_large',
  'length_required',
  'timeout',
  'bad_request',
  'connection_limit',
] as const;
export const WEB_RETENTION_KINDS = ['session', 'audit_entry'] as const;
export const WEB_RETENTION_OUTCOMES = ['success', 'failure', 'skipped'] as const;
export type WebRefusalReason = (typeof WEB_REFUSAL_REASONS)[number];
