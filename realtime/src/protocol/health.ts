import * as z from 'zod/mini';
import { DELIVERY_LIMITS } from './limits.ts';

/**
 * What a client tells about how one answer got to the server: the optional `delivery` of
 * `student:submit`, and of a response node on the Firebase transport. Durations are on the
 * client's own clock, so a client clock that is minutes off does not matter: only its rate does.
 */
export const deliveryFactsSchema = z.object({
  /** Milliseconds from the press of Submit to this send (the client's clock). */
  queuedMs: z.int().check(z.minimum(0), z.maximum(DELIVERY_LIMITS.queuedMsMax)),
  /** The answer waited through a time without a connection (queued offline, or cut off in flight). */
  offline: z.boolean(),
  /** 1 for the first send of this answer, 2 for the first resend, … */
  attempt: z.int().check(z.minimum(1), z.maximum(DELIVERY_LIMITS.attemptMax)),
  /**
   * Firebase transport: the SDK's estimate of server time minus client time
   * (`.info/serverTimeOffset`), so the database's timestamp can be compared with the send.
   */
  clockOffsetMs: z.optional(
    z
      .int()
      .check(
        z.minimum(-DELIVERY_LIMITS.clockOffsetMsMax),
        z.maximum(DELIVERY_LIMITS.clockOffsetMsMax),
      ),
  ),
});
export type DeliveryFacts = z.output<typeof deliveryFactsSchema>;

/** What the numbers of a health report mean; shown on the page and carried in the downloads. */
export const HEALTH_DEFINITIONS = {
  delivery:
    'Delivery time: from the press of Submit to the acknowledgement that made the student see ' +
    '"received". On the socket transport it is the time the answer waited on the device ' +
    "(measured by the device's own clock, so a wrong clock does not matter) plus the server's " +
    "time from receiving it to acknowledging it after the durable write (the server's clock). " +
    'The network time of the last send and of the acknowledgement is not included.',
  server:
    'Server time: from the moment the server received the answer to its acknowledgement, which ' +
    'is sent only after the answer is durably stored. Socket transport only.',
  firebase:
    "Firebase transport: the database's own timestamp of the write minus the time of the press " +
    'of Submit, corrected by the clock offset the Firebase SDK measured (accurate to about half ' +
    'a round trip; it includes the network). Connections on Firebase are seen only while a ' +
    'server holds the session.',
  storedCheck:
    'Stored check: every acknowledgement the server logged (socket), and every answer the ' +
    'database acknowledged (Firebase), is looked up in the session as stored: as the current ' +
    'answer, or as an earlier revision the same student replaced. Answers of students the ' +
    'teacher removed were deleted on purpose and are counted apart.',
  restarts:
    'Restarts: times a server process other than the one before it loaded the session from the ' +
    'store (a restart or a failover). Socket connections open at that moment count as ' +
    'disconnected by the restart.',
} as const;

const count = z.int().check(z.minimum(0));
const millis = z.nullable(z.number());

export const healthStudentSchema = z.object({
  studentId: z.string(),
  name: z.string(),
  joinedAt: z.number(),
  removed: z.boolean(),
  connections: count,
  disconnects: count,
  reconnects: count,
  /** "websocket" | "polling" | "firebase", in the order first used. */
  transports: z.array(z.string()),
  /** Why connections ended, with how often. */
  disconnectReasons: z.record(z.string(), count),
  /** Distinct answers acknowledged (socket) or acknowledged by the database (Firebase). */
  answers: count,
  /** Of those, answers that waited through a time without a connection and arrived later. */
  queuedOffline: count,
  /** Answers acknowledged more than once (resent after an acknowledgement was lost). */
  resent: count,
  deliveryP50Ms: millis,
  deliveryP95Ms: millis,
});
export type HealthStudent = z.output<typeof healthStudentSchema>;

export const healthTransportSchema = z.object({
  transport: z.string(),
  connections: count,
  answers: count,
  deliveryP50Ms: millis,
  deliveryP95Ms: millis,
});
export type HealthTransport = z.output<typeof healthTransportSchema>;

export const missingAnswerSchema = z.object({
  answerId: z.string(),
  studentId: z.string(),
  name: z.string(),
  slideId: z.string(),
  /** 1-based position of the slide in the deck, null if the deck has no such slide. */
  slideNumber: z.nullable(z.int()),
  acknowledgedAt: z.number(),
  transport: z.string(),
});
export type MissingAnswer = z.output<typeof missingAnswerSchema>;

/** `GET /v1/sessions/:id/health`: how the session's connections and answers fared. */
/** What a health report could not see, one code per kind of gap (`notes` says each in English). */
export const HEALTH_NOTE_CODES = [
  'no_records',
  'start_not_recorded',
  'socket_unmeasured',
  'firebase_unmeasured',
  'firebase_partial',
  'refused',
  'unreadable',
] as const;
export const healthNoteSchema = z.object({
  code: z.enum(HEALTH_NOTE_CODES),
  /** How many answers or records it is about, for the codes that count. */
  count: z.optional(count),
});
export type HealthNote = z.output<typeof healthNoteSchema>;

export const healthReportSchema = z.object({
  ok: z.literal(true),
  sessionId: z.string(),
  title: z.string(),
  joinCode: z.string(),
  status: z.enum(['live', 'ended']),
  createdAt: z.number(),
  endedAt: z.nullable(z.number()),
  generatedAt: z.number(),
  totals: z.object({
    students: count,
    joins: count,
    connections: count,
    disconnects: count,
    reconnects: count,
    answers: count,
    queuedOffline: count,
    resent: count,
    restarts: count,
  }),
  delivery: z.object({
    /** Answers with a full delivery time. */
    measured: count,
    /** Acknowledged answers without one (clients that do not report it, or no clock offset). */
    unmeasured: count,
    p50Ms: millis,
    p95Ms: millis,
    maxMs: millis,
    /** Server receive → acknowledgement (socket transport). */
    serverMeasured: count,
    serverP50Ms: millis,
    serverP95Ms: millis,
  }),
  transports: z.array(healthTransportSchema),
  storedCheck: z.object({
    acknowledged: count,
    stored: count,
    missing: z.array(missingAnswerSchema),
    /** Acknowledged answers of students the teacher removed (deleted on purpose). */
    removedByTeacher: count,
    /** Stored answers with no logged acknowledgement (e.g. the process stopped right after storing). */
    storedWithoutAck: count,
  }),
  restarts: z.array(z.object({ at: z.number(), process: z.string() })),
  /** What this report could not see, in plain words (empty when nothing is missing). */
  notes: z.array(z.string()),
  /** The same notes as codes with their counts, for pages to say in the reader's language. */
  noteCodes: z.optional(z.array(healthNoteSchema)),
  students: z.array(healthStudentSchema),
});
export type HealthReport = z.output<typeof healthReportSchema>;
