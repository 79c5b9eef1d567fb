import * as z from 'zod/mini';
import { defineKind, storedAsIs } from './kind.ts';
import { questionBase, without } from './common.ts';
import { gate, stringOf } from './rules-kit.ts';

export const SHORT_TEXT_LIMITS = { shortTextMax: 280, acceptedAnswersMax: 20 } as const;

export const shortTextQuestionSchema = z.object({
  kind: z.literal('short-text'),
  ...questionBase,
  maxLength: z._default(
    z.int().check(z.minimum(1), z.maximum(SHORT_TEXT_LIMITS.shortTextMax)),
    SHORT_TEXT_LIMITS.shortTextMax,
  ),
  /** Answers that count as correct, compared ignoring case, accents and spacing. */
  acceptedAnswers: z.optional(
    z
      .array(
        z
          .string()
          .check(
            z.trim(),
            z.minLength(1, 'An accepted answer cannot be empty.'),
            z.maxLength(SHORT_TEXT_LIMITS.shortTextMax),
          ),
      )
      .check(z.maxLength(SHORT_TEXT_LIMITS.acceptedAnswersMax)),
  ),
});

export const shortTextAnswerSchema = z.object({
  kind: z.literal('short-text'),
  text: z
    .string()
    .check(
      z.trim(),
      z.minLength(1, 'Write an answer.'),
      z.maxLength(SHORT_TEXT_LIMITS.shortTextMax),
    ),
});

/** "  Élan  Vital " and "elan vital" are the same answer: no case, accents or extra spaces. */
export function comparableText(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().trim().replace(/\s+/gu, ' ');
}

export const shortText = defineKind({
  kind: 'short-text',
  question: shortTextQuestionSchema,
  answer: shortTextAnswerSchema,
  limits: SHORT_TEXT_LIMITS,
  problem: (q, a) =>
    a.text.length > q.maxLength ? `Use at most ${q.maxLength} characters.` : null,
  gradable: (q) => (q.acceptedAnswers?.length ?? 0) > 0,
  score: (q, a) => {
    if (!q.acceptedAnswers?.length) return null;
    const given = comparableText(a.text);
    return q.acceptedAnswers.some((accepted) => comparableText(accepted) === given) ? 1 : 0;
  },
  hideCorrect: (q) => without(q, 'acceptedAnswers'),
  gate: (q) => ({ maxLength: q.maxLength }),
  rules: {
    text: {
      '.validate': `${stringOf(SHORT_TEXT_LIMITS.shortTextMax)} && newData.val().length <= ${gate('maxLength')}.val()`,
    },
  },
  requiredField: 'text',
  ...storedAsIs,
});
