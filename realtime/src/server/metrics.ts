import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { ERROR_CODES, TEACHER_COMMAND_TYPES, type ErrorCode } from '../protocol/index.ts';

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
  countCommand(type: string, result: CommandResult): void;
  countRejected(reason: ErrorCode): void;
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

  const connectedSockets = new Gauge({
    name: 'realtime_connected_sockets',
    help: 'Sockets connected now, by role.',
    labelNames: ['role'],
    registers: [registry],
  });
  const liveSessions = new Gauge({
    name: 'realtime_sessions_in_memory',
    help: 'Sessions held in memory by this process.',
    registers: [registry],
  });
  const commands = new Counter({
    name: 'realtime_commands_total',
    help: 'Commands handled, by type and result (ok, duplicate or an error code).',
    labelNames: ['type', 'result'],
    registers: [registry],
  });
  const ackLatency = new Histogram({
    name: 'realtime_ack_latency_seconds',
    help: 'Time from receiving a client event to acknowledging it (includes the durable write).',
    labelNames: ['event'],
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [registry],
  });
  const rejectedMessages = new Counter({
    name: 'realtime_rejected_messages_total',
    help: 'Client messages refused, by reason (an error code).',
    labelNames: ['reason'],
    registers: [registry],
  });
  const storeCommitSeconds = new Histogram({
    name: 'realtime_store_append_seconds',
    help: 'Time for a store append to become durable.',
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1],
    registers: [registry],
  });

  // Zero-initialise the error reasons so rate() works from the first scrape.
  for (const code of Object.keys(ERROR_CODES)) rejectedMessages.inc({ reason: code }, 0);
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
    countCommand(type, result) {
      commandChild(`${commandTypes.has(type) ? type : 'unknown'}\u0000${result}`).inc();
    },
    observeAck(event, seconds) {
      ackChild(event).observe(seconds);
    },
    countRejected(reason) {
      rejectedMessages.inc({ reason });
    },
  };
}
