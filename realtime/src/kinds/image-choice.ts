import * as z from 'zod/mini';
import { idSchema } from '../protocol/ids.ts';
import { defineKind } from './kind.ts';
import { imageAltSchema, imageUrlSchema, questionBase } from './common.ts';
import {
  CHOICE_LIMITS,
  choiceKindParts,
  choiceQuestionCheck,
  correctOptionIdsSchema,
  optionIdsSchema,
  optionsSchema,
} from './choice.ts';

/** Multiple choice whose options are images; each needs its text alternative. */
export const imageOptionSchema = z.object({
  id: idSchema,
  imageUrl: imageUrlSchema,
  alt: imageAltSchema,
});

export const imageChoiceQuestionSchema = z
  .object({
    kind: z.literal('image-choice'),
    ...questionBase,
    options: optionsSchema(imageOptionSchema),
    allowMultiple: z._default(z.boolean(), false),
    correctOptionIds: correctOptionIdsSchema,
  })
  .check(choiceQuestionCheck);

export const imageChoiceAnswerSchema = z.object({
  kind: z.literal('image-choice'),
  optionIds: optionIdsSchema,
});

export const imageChoice = defineKind({
  kind: 'image-choice',
  question: imageChoiceQuestionSchema,
  answer: imageChoiceAnswerSchema,
  limits: CHOICE_LIMITS,
  ...choiceKindParts,
});

export type ImageChoiceQuestion = z.output<typeof imageChoiceQuestionSchema>;
