import * as z from 'zod/mini';
import { defineKind } from './kind.ts';
import { labelledSchema, questionBase } from './common.ts';
import {
  CHOICE_LIMITS,
  choiceKindParts,
  choiceQuestionCheck,
  correctOptionIdsSchema,
  optionIdsSchema,
  optionsSchema,
} from './choice.ts';

export const MULTIPLE_CHOICE_LIMITS = { ...CHOICE_LIMITS, choiceLabelMax: 200 } as const;

export const choiceOptionSchema = labelledSchema(
  MULTIPLE_CHOICE_LIMITS.choiceLabelMax,
  'Each option needs text.',
);

export const multipleChoiceQuestionSchema = z
  .object({
    kind: z.literal('multiple-choice'),
    ...questionBase,
    options: optionsSchema(choiceOptionSchema),
    allowMultiple: z._default(z.boolean(), false),
    /** Optional: questions without a correct answer are polls. */
    correctOptionIds: correctOptionIdsSchema,
  })
  .check(choiceQuestionCheck);

export const multipleChoiceAnswerSchema = z.object({
  kind: z.literal('multiple-choice'),
  optionIds: optionIdsSchema,
});

export const multipleChoice = defineKind({
  kind: 'multiple-choice',
  question: multipleChoiceQuestionSchema,
  answer: multipleChoiceAnswerSchema,
  limits: MULTIPLE_CHOICE_LIMITS,
  ...choiceKindParts,
});

export type MultipleChoiceQuestion = z.output<typeof multipleChoiceQuestionSchema>;
