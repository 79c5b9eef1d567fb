import { answerSchema, type Answer } from '../kinds/index.ts';
import { submitAnswerMessageSchema, type SubmitAnswerMessage } from './commands.ts';
import { LIMITS } from './limits.ts';

/**
 * Answers already checked by `answerSchema`, so the engine does not check the same object twice:
 * the socket tier parses every `student:submit` message (answer included) and the engine, which
 * trusts no typed parameter, used to parse its answer again (zod was ~2.5% of the tier's CPU
 * under a burst). Only objects zod itself produced are in the set, and nothing changes an answer
 * between the message's parse and the engine's decision.
 */
const parsed = new WeakSet<object>();

/**
 * `submitAnswerMessageSchema.safeParse`, remembering the answer it produced. The usual message (ids,
 * an answer, maybe `clientCreatedAt`) is checked by hand against the same rules as the schema and
 * only its answer by zod; anything else, and every refusal, goes through the schema itself, so
 * the result and its error messages are the schema's.
 */
export function parseSubmitAnswerMessage(
  message: unknown,
): ReturnType<typeof submitAnswerMessageSchema.safeParse> {
  const result = usualSubmitMessage(message) ?? submitAnswerMessageSchema.safeParse(message);
  if (result.success && typeof result.data.answer === 'object' && result.data.answer !== null)
    parsed.add(result.data.answer);
  return result;
}

const ID = /^[A-Za-z0-9_-]+$/;
const isId = (value: unknown, minLength: number): value is string =>
  typeof value === 'string' &&
  value.length >= minLength &&
  value.length <= LIMITS.idMax &&
  ID.test(value);
const USUAL_KEYS = new Set(['sessionId', 'slideId', 'answerId', 'answer', 'clientCreatedAt']);

/** The schema's own output for the usual, valid message; undefined for anything else. */
function usualSubmitMessage(
  message: unknown,
): { success: true; data: SubmitAnswerMessage } | undefined {
  if (typeof message !== 'object' || message === null || Array.isArray(message)) return undefined;
  const m = message as Record<string, unknown>;
  for (const key in m) if (!USUAL_KEYS.has(key)) return undefined;
  const { clientCreatedAt } = m;
  if (!isId(m.sessionId, 1) || !isId(m.slideId, 1) || !isId(m.answerId, 8)) return undefined;
  if (
    clientCreatedAt !== undefined &&
    !(Number.isSafeInteger(clientCreatedAt) && (clientCreatedAt as number) >= 0)
  )
    return undefined;
  const answer = answerSchema.safeParse(m.answer);
  if (!answer.success) return undefined;
  // Keys in the schema's order, optional ones only when present (as zod writes them).
  const data: SubmitAnswerMessage = {
    sessionId: m.sessionId,
    slideId: m.slideId,
    answerId: m.answerId,
    answer: answer.data,
  };
  if (clientCreatedAt !== undefined) data.clientCreatedAt = clientCreatedAt as number;
  return { success: true, data };
}

/** `answerSchema.safeParse`, skipped for an answer zod produced already (the same object). */
export function parseAnswer(
  value: unknown,
):
  | { success: true; data: Answer }
  | { success: false; error: { issues: Array<{ message: string }> } } {
  if (typeof value === 'object' && value !== null && parsed.has(value))
    return { success: true, data: value as Answer };
  return answerSchema.safeParse(value);
}
