import * as z from 'zod/mini';
import { defineKind, storedAsIs } from './kind.ts';
import { questionBase } from './common.ts';
import { gate } from './rules-kit.ts';

export const SCALE_LIMITS = { scaleStepsMin: 2, scaleStepsMax: 10, scaleLabelMax: 60 } as const;

const scaleLabel = z.optional(z.string().check(z.trim(), z.maxLength(SCALE_LIMITS.scaleLabelMax)));

export const scaleQuestionSchema = z.object({
  kind: z.literal('scale'),
  ...questionBase,
  steps: z
    .int()
    .check(z.minimum(SCALE_LIMITS.scaleStepsMin), z.maximum(SCALE_LIMITS.scaleStepsMax)),
  minLabel: scaleLabel,
  maxLabel: scaleLabel,
});

export const scaleAnswerSchema = z.object({
  kind: z.literal('scale'),
  value: z.int().check(z.minimum(1), z.maximum(SCALE_LIMITS.scaleStepsMax)),
});

/** An opinion from 1 to N: nothing to grade. */
export const scale = defineKind({
  kind: 'scale',
  question: scaleQuestionSchema,
  answer: scaleAnswerSchema,
  limits: SCALE_LIMITS,
  problem: (q, a) => (a.value > q.steps ? `Choose a value from 1 to ${q.steps}.` : null),
  gradable: () => false,
  score: () => null,
  hideCorrect: (q) => q,
  gate: (q) => ({ steps: q.steps }),
  rules: {
    value: {
      '.validate': `newData.isNumber() && newData.val() % 1 === 0 && newData.val() >= 1 && newData.val() <= ${gate('steps')}.val()`,
    },
  },
  requiredField: 'value',
  ...storedAsIs,
});
