import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { ERROR_CODES, TEACHER_COMMAND_TYPES, type ErrorCode } from '../protocol/index.ts';
import {
  REALTIME_HTTP_REFUSAL_REASONS,
  REALTIME_METRICS,
  type RealtimeHttpRefusalReason,
} from './metric-catalog.ts';

/** Label values are bounded: command types and error codes come from fixed lists, never clients. */
export const COMMAND_TYPES: readonly string[] = [
  'createSession',
  'join',
  'submitAnswer',
  'navigate',
  'expireTimer',
  ...TEACHER_COMMAND_TYPES,
];
const commandTypes = new Set<string>(COMMAND_TYPES);

export type CommandResult = 'ok' | 'duplicate' | ErrorCode;

export interface RealtimeMetrics {
  registry: Registry;
  connectedSockets: Gauge<'role'>;
  liveSessions: Gauge;
  commands: Counter<'type' | 'result'>;
  ackLatency: Histogram<'event'>;
  rejectedMessages: Counter<'reason'>;
  storeCommitSeconds: Histogram;
  /** Students erased on request (classpulse_student_erasures_total). */
  studentErasures: Counter;
  httpRefused: Counter<'reason'>;
  countCommand(type: string, result: CommandResult): void;
  /** A refused message (its error code), or a socket closed for ignoring refusals. */
  countRejected(reason: ErrorCode | 'closed_ignoring_rate_limit'): void;
  /** An HTTP request cut off before it reached socket.io or the API (slowloris, garbage). */
  countHttpRefused(reason: RealtimeHttpRefusalReason): void;
  /** One client event's receive → ack time. */
  observeAck(event: string, seconds: number): void;
}

/**
 * A labelled child per label value, made once: prom-client otherwise hashes the label object on
 * every call, which on the answer path (three metrics per answer) is allocation for nothing.
 */
function childCache<T>(make: (key: string) => T): (key: string) => T {
  const children = new Map<string, T>();
  return (key) => {
    let child = children.get(key);
    if (!child) {
      child = make(key);
      children.set(key, child);
    }
    return child;
  };
}

export function createRealtimeMetrics(): RealtimeMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, eventLoopMonitoringPrecision: 20 });
  // prom-client also exports these gauges under a `_total` name, which `promtool check metrics`
  // rejects (only counters end in _total); the same values stay without the suffix. The other
  // services take this list from the catalog (PROMTOOL_REJECTED_DEFAULT_METRICS); realtime/
  // imports no workspace, so it keeps its own copy.
  for (const name of [
    'nodejs_active_handles_total',
    'nodejs_active_requests_total',
    'nodejs_active_resources_total',
  ])
    registry.removeSingleMetric(name);

  // Names, help, labels and buckets live once, in the catalog that dashboards import too.
  const {
    connectedSockets: socketsDef,
    liveSessions: sessionsDef,
    commands: commandsDef,
    ackLatency: ackDef,
    rejectedMessages: rejectedDef,
    storeCommitSeconds: storeDef,
    httpRefused: httpRefusedDef,
  } = REALTIME_METRICS;
  const connectedSockets = new Gauge({
    name: socketsDef.name,
    help: socketsDef.help,
    labelNames: socketsDef.labelNames,
    registers: [registry],
  });
  const liveSessions = new Gauge({
    name: sessionsDef.name,
    help: sessionsDef.help,
    registers: [registry],
  });
  const commands = new Counter({
    name: commandsDef.name,
    help: commandsDef.help,
    labelNames: commandsDef.labelNames,
    registers: [registry],
  });
  const ackLatency = new Histogram({
    name: ackDef.name,
    help: ackDef.help,
    labelNames: ackDef.labelNames,
    buckets: [...ackDef.buckets],
    registers: [registry],
  });
  const rejectedMessages = new Counter({
    name: rejectedDef.name,
    help: rejectedDef.help,
    labelNames: rejectedDef.labelNames,
    registers: [registry],
  });
  const storeCommitSeconds = new Histogram({
    name: storeDef.name,
    help: storeDef.help,
    buckets: [...storeDef.buckets],
    registers: [registry],
  });

  const studentErasures = new Counter({
    name: REALTIME_METRICS.studentErasures.name,
    help: REALTIME_METRICS.studentErasures.help,
    registers: [registry],
  });

  const httpRefused = new Counter({
    name: httpRefusedDef.name,
    help: httpRefusedDef.help,
    labelNames: httpRefusedDef.labelNames,
    registers: [registry],
  });

  // Zero-initialise the error reasons so rate() works from the first scrape.
  for (const code of Object.keys(ERROR_CODES)) rejectedMessages.inc({ reason: code }, 0);
  for (const reason of REALTIME_HTTP_REFUSAL_REASONS) httpRefused.inc({ reason }, 0);
  for (const role of ['teacher', 'student']) connectedSockets.set({ role }, 0);

  const commandChild = childCache((key) => {
    const [type = 'unknown', result = 'ok'] = key.split('\u0000');
    return commands.labels({ type, result });
  });
  const ackChild = childCache((event) => ackLatency.labels({ event }));

  return {
    registry,
    connectedSockets,
    liveSessions,
    commands,
    ackLatency,
    rejectedMessages,
    storeCommitSeconds,
    studentErasures,
    httpRefused,
    countCommand(type, result) {
      commandChild(`${commandTypes.has(type) ? type : 'unknown'}\u0000${result}`).inc();
    },
    observeAck(event, seconds) {
      ackChild(event).observe(seconds);
    },
    countRejected(reason) {
      rejectedMessages.inc({ reason });
    },
    countHttpRefused(reason) {
      httpRefused.inc({ reason });
    },
  };
}
