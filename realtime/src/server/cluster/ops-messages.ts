import { z } from 'zod';
import { LIMITS } from '../../protocol/index.ts';
import { SESSION_EVENTS } from '../session-ops.ts';

/**
 * What one realtime process asks the owner of a session (cluster-ops.ts), over process-rpc.
 * Checked on arrival like any other input: a peer on an older version, or anything else that
 * can publish on Redis, gets an error back rather than reaching the engine with a bad shape.
 * Client messages inside `handle` are checked again by the owner's handlers.
 */
const id = z.string().min(1).max(128);
const memberSchema = z.discriminatedUnion('role', [
  z.object({ role: z.literal('teacher'), teacherId: id }),
  z.object({ role: z.literal('student'), studentId: id }),
]);
const transport = z.string().max(32);

export const opsRequestSchema = z.discriminatedUnion('op', [
  z.object({ op: z.literal('admit'), sessionId: id, member: memberSchema }),
  z.object({
    op: z.literal('join'),
    sessionId: id,
    studentId: id,
    name: z.string().max(200),
    verified: z.boolean().optional(),
  }),
  z.object({
    op: z.literal('open'),
    sessionId: id,
    member: memberSchema,
    transport,
    connection: id,
  }),
  z.object({
    op: z.literal('close'),
    sessionId: id,
    member: memberSchema,
    connection: id,
    reason: z.string().max(64).optional(),
  }),
  z.object({
    op: z.literal('transport'),
    sessionId: id,
    studentId: id,
    transport,
    connection: id.optional(),
  }),
  z.object({
    op: z.literal('rtt'),
    sessionId: id,
    studentId: id,
    transport,
    rttMs: z.number().min(0).max(LIMITS.rttReportMaxMs),
  }),
  z.object({
    op: z.literal('handle'),
    sessionId: id,
    member: memberSchema,
    event: z.enum(SESSION_EVENTS),
    message: z.unknown(),
    origin: z.string().max(64),
  }),
  z.object({ op: z.literal('report'), sessionId: id, teacherId: id }),
  z.object({ op: z.literal('health'), sessionId: id, teacherId: id }),
  z.object({ op: z.literal('delete'), sessionId: id, teacherId: id }),
  z.object({ op: z.literal('exportStudent'), sessionId: id, teacherId: id, studentId: id }),
  z.object({ op: z.literal('eraseStudent'), sessionId: id, teacherId: id, studentId: id }),
  z.object({
    op: z.literal('reattach'),
    sessionId: id,
    connections: z
      .array(z.object({ member: memberSchema, transport, connection: id }))
      .max(100_000),
  }),
]);
export type OpsRequest = z.infer<typeof opsRequestSchema>;

/** `moved`: the target does not own the session (any more); find the owner again. */
export const opsReplySchema = z.union([
  z.object({ moved: z.literal(true) }),
  z.object({ result: z.unknown() }),
]);
export type OpsReply = z.infer<typeof opsReplySchema>;
