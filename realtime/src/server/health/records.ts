import { z } from 'zod';
import { deliveryFactsSchema } from '../../protocol/index.ts';

/**
 * Facts about a session's connections and acknowledgements, kept durably next to its event log
 * for the health report (health-report.ts). They are not session state: the engine never sees
 * them, and losing one never changes an answer. Stores write them with their next batch, never
 * on the path of an acknowledgement (see SessionStore.recordHealth). Checked with zod when read
 * back, like any input: an unreadable record is skipped and counted.
 */
const id = z.string().min(1).max(128);
const at = z.number().finite();
/** Client-reported, checked by the protocol's schema; absent from clients that do not report it. */
const { queuedMs, offline, attempt, clockOffsetMs } = deliveryFactsSchema.shape;
const delivery = {
  queuedMs: z.optional(queuedMs),
  offline: z.optional(offline),
  attempt: z.optional(attempt),
};

export const healthRecordSchema = z.discriminatedUnion('k', [
  /** The session was created by this process. */
  z.object({ k: z.literal('created'), at, process: id }),
  /** A process loaded the session from the store (first use after a restart, or a reload). */
  z.object({ k: z.literal('loaded'), at, process: id, seq: z.number().int().min(0) }),
  /** A student's connection opened (`connection`: the socket id, or firebase:<time>). */
  z.object({
    k: z.literal('open'),
    at,
    studentId: id,
    connection: id,
    transport: z.string().max(32),
    process: id,
  }),
  z.object({
    k: z.literal('close'),
    at,
    studentId: id,
    connection: id,
    reason: z.string().max(64),
  }),
  /** A long-polling connection upgraded (to WebSocket). */
  z.object({
    k: z.literal('upgrade'),
    at,
    studentId: id,
    connection: id,
    transport: z.string().max(32),
  }),
  /** A connection of another process announced again to a new owner (cluster): it lived on. */
  z.object({ k: z.literal('reattach'), at, studentId: id, connection: id, process: id }),
  /**
   * The server acknowledged an answer (socket), logged right after the acknowledgement went out.
   * `receivedAt` → `at` is the server's part of the delivery time.
   */
  z.object({
    k: z.literal('ack'),
    at,
    receivedAt: at,
    studentId: id,
    slideId: id,
    answerId: id,
    transport: z.string().max(32),
    duplicate: z.boolean(),
    ...delivery,
  }),
  /**
   * An answer a browser wrote to the database itself (Firebase transport), which the database
   * acknowledged at `storedAt` (its server timestamp). `at`: when this process saw it.
   */
  z.object({
    k: z.literal('db-ack'),
    at,
    storedAt: at,
    studentId: id,
    slideId: id,
    answerId: id,
    clientCreatedAt: at.optional(),
    clockOffsetMs,
    /** The engine refused what the database's rules let in (its error code). */
    refused: z.string().max(64).optional(),
    ...delivery,
  }),
]);
export type HealthRecord = z.infer<typeof healthRecordSchema>;
export type HealthRecordOf<K extends HealthRecord['k']> = Extract<HealthRecord, { k: K }>;

/** A stored batch (one JSON array) as records, or what it could not read. */
export function parseHealthBatch(json: string): unknown[] {
  try {
    const value = JSON.parse(json) as unknown;
    return Array.isArray(value) ? value : [value];
  } catch {
    return [undefined];
  }
}
