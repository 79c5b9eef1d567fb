/**
 * The metrics browsers may report: the allow-list. Plain data with no dependencies, so the
 * browser reporter can import its types (and the few constants it needs) without the validator.
 * `catalog.ts` checks every entry against the naming rules with zod when the module loads.
 *
 * Label values are closed sets: never a user, session, class or school id, a URL or free text.
 */

export const APPS = ['student', 'teacher', 'projector', 'network_check'] as const;
export type App = (typeof APPS)[number];

/** How a page load ended: interactive, failed with an error, gave up waiting, or left first. */
export const LOAD_OUTCOMES = ['success', 'error', 'timeout', 'abandoned'] as const;
export type LoadOutcome = (typeof LOAD_OUTCOMES)[number];

export const CLIENT_ERROR_KINDS = [
  'uncaught_error',
  'unhandled_rejection',
  'chunk_load',
  'resource_load',
] as const;
export type ClientErrorKind = (typeof CLIENT_ERROR_KINDS)[number];

/** The page's live connection, whatever carries it. */
export const SYNC_TRANSPORTS = ['socket', 'firebase'] as const;
export const CONNECTION_EVENTS = ['connected', 'reconnected', 'disconnected', 'failed'] as const;
export type ConnectionEvent = (typeof CONNECTION_EVENTS)[number];

/**
 * Where a shadow WebSocket connect failed (issue: dark launch); `none` on success. Browsers do
 * not say whether DNS, TCP or TLS failed for a cross-origin host (a failed WebSocket or XHR has
 * no reason, Resource Timing only zeros), so pages report `network` for "not reachable"; `dns`,
 * `tcp` and `tls` stay for clients that can tell.
 */
export const FAILURE_STAGES = [
  'none',
  'dns',
  'tcp',
  'tls',
  'network',
  'upgrade',
  'handshake',
  'auth',
  'timeout',
] as const;
export const WS_TRANSPORTS = ['websocket', 'polling'] as const;
/** socket.io's disconnect reasons, in snake case; anything else is `other`. */
export const DISCONNECT_REASONS = [
  'io_server_disconnect',
  'io_client_disconnect',
  'ping_timeout',
  'transport_close',
  'transport_error',
  'parse_error',
  'other',
] as const;

/**
 * The network check page's checks (web/src/app/network-check), in the order it shows them: this
 * web origin, the clock against the server's, the realtime tier over WebSocket and over HTTP
 * long-polling, Firebase Realtime Database over WebSocket and REST, Google sign-in for Firebase,
 * the metrics endpoint, and signs of TLS interception.
 */
export const NETWORK_CHECKS = [
  'web_origin',
  'clock_skew',
  'realtime_websocket',
  'realtime_polling',
  'firebase_websocket',
  'firebase_rest',
  'firebase_auth',
  'metrics_endpoint',
  'tls_interception',
] as const;
export type NetworkCheck = (typeof NETWORK_CHECKS)[number];
/** A check's result; `not_applicable` when this deployment does not use what it tests. */
export const NETWORK_CHECK_OUTCOMES = ['pass', 'warn', 'fail', 'not_applicable'] as const;
export type NetworkCheckOutcome = (typeof NETWORK_CHECK_OUTCOMES)[number];

/**
 * Every page sends one heartbeat per interval while open, so
 * `sum(rate(classroom_client_heartbeats_total[5m])) * HEARTBEAT_INTERVAL_SECONDS` estimates the
 * clients connected now.
 */
export const HEARTBEAT_INTERVAL_SECONDS = 60;

/** web-vitals' "good" and "poor" thresholds; histogram edges fall on them (tested). */
export const WEB_VITAL_THRESHOLDS = {
  lcp: [2.5, 4],
  inp: [0.2, 0.5],
  cls: [0.1, 0.25],
  fcp: [1.8, 3],
  ttfb: [0.8, 1.8],
} as const;

/**
 * Events a page sends once per load of an app (its load outcome, its time to interactive, the
 * first-load vitals LCP, FCP and TTFB): the aggregator counts at most one per page token and
 * app, so a replayed beacon cannot repeat them. CLS and INP are left out: web-vitals reports them
 * again when a page hidden and shown again has changed them.
 */
interface OncePerPage {
  oncePerPage?: true;
}

interface CounterDef extends OncePerPage {
  type: 'counter';
  help: string;
  labels: Readonly<Record<string, readonly string[]>>;
  /** Largest increment one event may carry (counts are whole numbers). */
  maxIncrement: number;
}
interface HistogramDef extends OncePerPage {
  type: 'histogram';
  help: string;
  labels: Readonly<Record<string, readonly string[]>>;
  buckets: readonly number[];
  /** Observations outside [min, max] are rejected as implausible. */
  min: number;
  max: number;
}
export type ClientMetricDef = CounterDef | HistogramDef;

const app = { app: APPS } as const;
const SECONDS_BUCKETS = [0.1, 0.25, 0.5, 1, 1.5, 2, 3, 4, 5, 7.5, 10, 15, 20, 30, 60] as const;

export const CLIENT_METRICS = {
  classroom_app_loads_total: {
    type: 'counter',
    help: 'Page loads by how they ended; success means the page became interactive.',
    labels: { ...app, outcome: LOAD_OUTCOMES },
    maxIncrement: 1,
    oncePerPage: true,
  },
  classroom_app_load_duration_seconds: {
    type: 'histogram',
    help: 'Time to interactive: navigation start until the page answers input.',
    labels: app,
    buckets: SECONDS_BUCKETS,
    min: 0,
    max: 600,
    oncePerPage: true,
  },
  classroom_client_errors_total: {
    type: 'counter',
    help: 'Errors in browsers, by kind (never the message).',
    labels: { ...app, kind: CLIENT_ERROR_KINDS },
    maxIncrement: 10,
  },
  classroom_client_heartbeats_total: {
    type: 'counter',
    help: `One per open page per ${HEARTBEAT_INTERVAL_SECONDS} s; rate × ${HEARTBEAT_INTERVAL_SECONDS} estimates connected clients.`,
    labels: app,
    maxIncrement: 10,
  },
  classroom_web_vitals_lcp_seconds: {
    type: 'histogram',
    help: 'Largest Contentful Paint (good ≤ 2.5 s, poor > 4 s).',
    labels: app,
    buckets: [0.5, 1, 1.5, 2, 2.5, 3, 4, 6, 8, 12, 20],
    min: 0,
    max: 600,
    oncePerPage: true,
  },
  classroom_web_vitals_inp_seconds: {
    type: 'histogram',
    help: 'Interaction to Next Paint (good ≤ 0.2 s, poor > 0.5 s).',
    labels: app,
    buckets: [0.05, 0.1, 0.2, 0.3, 0.5, 0.75, 1, 2, 5],
    min: 0,
    max: 120,
  },
  classroom_web_vitals_cls: {
    type: 'histogram',
    help: 'Cumulative Layout Shift score (good ≤ 0.1, poor > 0.25).',
    labels: app,
    buckets: [0.01, 0.05, 0.1, 0.15, 0.25, 0.5, 1],
    min: 0,
    max: 100,
  },
  classroom_web_vitals_fcp_seconds: {
    type: 'histogram',
    help: 'First Contentful Paint (good ≤ 1.8 s, poor > 3 s).',
    labels: app,
    buckets: [0.5, 1, 1.5, 1.8, 2.5, 3, 4, 6, 10, 20],
    min: 0,
    max: 600,
    oncePerPage: true,
  },
  classroom_web_vitals_ttfb_seconds: {
    type: 'histogram',
    help: 'Time to First Byte (good ≤ 0.8 s, poor > 1.8 s).',
    labels: app,
    buckets: [0.1, 0.2, 0.4, 0.8, 1.2, 1.8, 3, 6, 10],
    min: 0,
    max: 600,
    oncePerPage: true,
  },
  classroom_realtime_connection_events_total: {
    type: 'counter',
    help: "The page's live connection (socket.io tier or Firebase): connects, reconnects, drops, failures.",
    labels: { ...app, transport: SYNC_TRANSPORTS, event: CONNECTION_EVENTS },
    maxIncrement: 10,
  },
  classroom_ws_dark_launch_connects_total: {
    type: 'counter',
    help: 'Shadow socket.io connects in Firebase mode, by result and the stage that failed.',
    labels: { ...app, result: ['success', 'failure'], failure_stage: FAILURE_STAGES },
    maxIncrement: 1,
  },
  classroom_ws_dark_launch_connect_duration_seconds: {
    type: 'histogram',
    help: 'Shadow socket.io connect time, by the transport it reached.',
    labels: { ...app, transport: WS_TRANSPORTS },
    buckets: [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 20],
    min: 0,
    max: 120,
  },
  classroom_ws_dark_launch_disconnects_total: {
    type: 'counter',
    help: 'Shadow socket.io disconnects, by reason.',
    labels: { ...app, reason: DISCONNECT_REASONS },
    maxIncrement: 10,
  },
  classroom_ws_dark_launch_reconnects_total: {
    type: 'counter',
    help: 'Shadow socket.io connections made again after a drop, by the transport reached.',
    labels: { ...app, transport: WS_TRANSPORTS },
    maxIncrement: 10,
  },
  classroom_ws_dark_launch_rtt_seconds: {
    type: 'histogram',
    help: 'Shadow socket.io round trip (ping to pong), by transport.',
    labels: { ...app, transport: WS_TRANSPORTS },
    buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    min: 0,
    max: 60,
  },
  classroom_network_check_results_total: {
    type: 'counter',
    help: 'Network check page results, one per check run, by check and outcome.',
    // Only the network check page reports it.
    labels: { app: ['network_check'], check: NETWORK_CHECKS, outcome: NETWORK_CHECK_OUTCOMES },
    maxIncrement: 1,
  },
} as const satisfies Record<string, ClientMetricDef>;

export type ClientMetricName = keyof typeof CLIENT_METRICS;
type Def<N extends ClientMetricName> = (typeof CLIENT_METRICS)[N];
export type CounterName = {
  [N in ClientMetricName]: Def<N>['type'] extends 'counter' ? N : never;
}[ClientMetricName];
export type HistogramName = Exclude<ClientMetricName, CounterName>;
/** The label object a metric takes, each value from its closed set. */
export type LabelsOf<N extends ClientMetricName> = {
  -readonly [L in keyof Def<N>['labels']]: Def<N>['labels'][L] extends readonly (infer V)[]
    ? V
    : never;
};
