import * as z from 'zod/mini';
import { defineKind, storedAsIs, type GateValue } from './kind.ts';
import { questionBase, without } from './common.ts';
import { gate } from './rules-kit.ts';

export const numberQuestionSchema = z
  .object({
    kind: z.literal('number'),
    ...questionBase,
    min: z.optional(z.number()),
    max: z.optional(z.number()),
    /** The correct value; answers within `tolerance` of it (either side) count as correct. */
    correct: z.optional(
      z.object({
        value: z.number(),
        tolerance: z._default(
          z.number().check(z.nonnegative('The tolerance cannot be negative.')),
          0,
        ),
      }),
    ),
  })
  .check(
    z.refine((q) => q.min === undefined || q.max === undefined || q.min <= q.max, {
      path: ['max'],
      message: 'The maximum must not be below the minimum.',
    }),
  );

export const numberAnswerSchema = z.object({
  kind: z.literal('number'),
  value: z.number('Enter a number.'),
});

export const numberKind = defineKind({
  kind: 'number',
  question: numberQuestionSchema,
  answer: numberAnswerSchema,
  limits: {},
  problem: (q, a) => {
    if (q.min !== undefined && a.value < q.min) return `Enter a number of at least ${q.min}.`;
    if (q.max !== undefined && a.value > q.max) return `Enter a number of at most ${q.max}.`;
    return null;
  },
  gradable: (q) => q.correct !== undefined,
  score: (q, a) => {
    if (!q.correct) return null;
    // A tolerance of 0.1 must accept 0.3 for 0.2 + 0.1: compare with a hair of float slack.
    const slack = 1e-9 * Math.max(1, Math.abs(q.correct.value));
    return Math.abs(a.value - q.correct.value) <= q.correct.tolerance + slack ? 1 : 0;
  },
  hideCorrect: (q) => without(q, 'correct'),
  gate: (q) => {
    const fields: Record<string, GateValue> = {};
    if (q.min !== undefined) fields.min = q.min;
    if (q.max !== undefined) fields.max = q.max;
    return fields;
  },
  rules: {
    value: {
      '.validate': `newData.isNumber() && (!${gate('min')}.exists() || newData.val() >= ${gate('min')}.val()) && (!${gate('max')}.exists() || newData.val() <= ${gate('max')}.val())`,
    },
  },
  requiredField: 'value',
  ...storedAsIs,
});
