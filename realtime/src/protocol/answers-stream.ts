import { z } from 'zod';
import { idSchema } from './ids.ts';
import type { SessionState, StoredResponse } from './state.ts';

/**
 * `GET /v1/sessions/:id/answers`: a session's answers for reports, as NDJSON (one JSON value a
 * line) the realtime tier writes as the reader takes it, so neither tier ever holds a
 * million-answer session as one string. First the session without its responses, then one line
 * per student who is in the report (not removed), in the report's order (`reportStudents`), with
 * that student's responses, then an end line that counts them: a stream without it broke off.
 */
export type AnswersStreamLine =
  | { k: 'head'; state: SessionState }
  | { k: 'student'; studentId: string; responses: Record<string, ReportedResponse> }
  | { k: 'end'; students: number };

/** What a report needs of a stored response (not its revision history). */
export type ReportedResponse = Pick<
  StoredResponse,
  'answer' | 'hidden' | 'firstSubmittedAt' | 'submittedAt'
>;

/** The most a line may hold: a head of 20,000 students or 100 drawings as a student's line. */
export const ANSWERS_STREAM_LINE_BYTES_MAX = 16 * 1024 * 1024;

/**
 * Checks each line's shape where the web tier reads it. The answers inside are the store's,
 * checked by the engine when they were accepted; their kind is checked here, not re-parsed.
 */
export const answersStreamLineSchema = z.discriminatedUnion('k', [
  z.object({
    k: z.literal('head'),
    state: z.looseObject({
      id: idSchema,
      joinCode: z.string(),
      deck: z.looseObject({ title: z.string(), slides: z.array(z.looseObject({ id: idSchema })) }),
      students: z.record(z.string(), z.looseObject({ id: z.string(), name: z.string() })),
      responses: z.record(z.string(), z.unknown()),
    }),
  }),
  z.object({
    k: z.literal('student'),
    studentId: idSchema,
    responses: z.record(
      z.string(),
      z.object({
        answer: z.looseObject({ kind: z.string() }),
        hidden: z.boolean(),
        firstSubmittedAt: z.number(),
        submittedAt: z.number(),
      }),
    ),
  }),
  z.object({ k: z.literal('end'), students: z.int().min(0) }),
]);

/** A parsed line as the protocol's type (the schema checks the envelope, see above). */
export function parseAnswersStreamLine(line: string): AnswersStreamLine | null {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return null;
  }
  const parsed = answersStreamLineSchema.safeParse(value);
  return parsed.success ? (parsed.data as unknown as AnswersStreamLine) : null;
}

/** A response as a report line carries it. */
export function reportedResponse(response: StoredResponse): ReportedResponse {
  return {
    answer: response.answer,
    hidden: response.hidden,
    firstSubmittedAt: response.firstSubmittedAt,
    submittedAt: response.submittedAt,
  };
}
