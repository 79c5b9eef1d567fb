import { answerSchema, type Answer } from '../kinds/index.ts';
import { submitAnswerMessageSchema } from './commands.ts';

/**
 * Answers already checked by `answerSchema`, so the engine does not check the same object twice:
 * the socket tier parses every `student:submit` message (answer included) and the engine, which
 * trusts no typed parameter, used to parse its answer again (zod was ~2.5% of the tier's CPU
 * under a burst). Only objects zod itself produced are in the set, and nothing changes an answer
 * between the message's parse and the engine's decision.
 */
const parsed = new WeakSet<object>();

/** `submitAnswerMessageSchema.safeParse`, remembering the answer it produced. */
export function parseSubmitAnswerMessage(
  message: unknown,
): ReturnType<typeof submitAnswerMessageSchema.safeParse> {
  const result = submitAnswerMessageSchema.safeParse(message);
  if (result.success && typeof result.data.answer === 'object' && result.data.answer !== null)
    parsed.add(result.data.answer);
  return result;
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
