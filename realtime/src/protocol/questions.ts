import * as z from 'zod/mini';
import { idSchema } from './ids.ts';
import { LIMITS } from './limits.ts';

/**
 * Every question kind has exactly one definition schema (what the teacher authors) and one answer
 * schema (what a student sends). `answerProblem` in answers.ts checks an answer against its
 * question's definition.
 */

const prompt = z
  .string()
  .check(z.trim(), z.minLength(1, 'Write the question.'), z.maxLength(LIMITS.promptMax));

/** Image references are relative app paths or https URLs; never javascript:, data: or http:. */
export const imageUrlSchema = z.string().check(
  z.maxLength(LIMITS.urlMax),
  z.refine(
    (u) => u.startsWith('/') || u.startsWith('https://'),
    'Use an uploaded image or an https URL.',
  ),
);

export const choiceOptionSchema = z.object({
  id: idSchema,
  label: z
    .string()
    .check(z.trim(), z.minLength(1, 'Each option needs text.'), z.maxLength(LIMITS.choiceLabelMax)),
});

export const multipleChoiceQuestionSchema = z
  .object({
    kind: z.literal('multiple-choice'),
    prompt,
    options: z
      .array(choiceOptionSchema)
      .check(z.minLength(LIMITS.choiceOptionsMin), z.maxLength(LIMITS.choiceOptionsMax)),
    allowMultiple: z._default(z.boolean(), false),
    /** Optional: questions without a correct answer are polls. */
    correctOptionIds: z.optional(z.array(idSchema).check(z.maxLength(LIMITS.choiceOptionsMax))),
  })
  .check(
    z.superRefine((q, ctx) => {
      const ids = new Set(q.options.map((o) => o.id));
      if (ids.size !== q.options.length) {
        ctx.addIssue({ code: 'custom', path: ['options'], message: 'Option ids must be unique.' });
      }
      const correct = q.correctOptionIds ?? [];
      if (correct.some((id) => !ids.has(id))) {
        ctx.addIssue({
          code: 'custom',
          path: ['correctOptionIds'],
          message: 'A correct answer must be one of the options.',
        });
      }
      if (new Set(correct).size !== correct.length) {
        ctx.addIssue({
          code: 'custom',
          path: ['correctOptionIds'],
          message: 'Correct answers are listed twice.',
        });
      }
      if (!q.allowMultiple && correct.length > 1) {
        ctx.addIssue({
          code: 'custom',
          path: ['correctOptionIds'],
          message: 'A single-choice question has one correct answer.',
        });
      }
    }),
  );

export const shortTextQuestionSchema = z.object({
  kind: z.literal('short-text'),
  prompt,
  maxLength: z._default(
    z.int().check(z.minimum(1), z.maximum(LIMITS.shortTextMax)),
    LIMITS.shortTextMax,
  ),
});

export const numberQuestionSchema = z
  .object({
    kind: z.literal('number'),
    prompt,
    min: z.optional(z.number()),
    max: z.optional(z.number()),
  })
  .check(
    z.refine((q) => q.min === undefined || q.max === undefined || q.min <= q.max, {
      path: ['max'],
      message: 'The maximum must not be below the minimum.',
    }),
  );

export const wordCloudQuestionSchema = z.object({
  kind: z.literal('word-cloud'),
  prompt,
  maxWords: z._default(
    z.int().check(z.minimum(1), z.maximum(LIMITS.wordCloudWordsMax)),
    LIMITS.wordCloudWordsMax,
  ),
});

const scaleLabel = z.optional(z.string().check(z.trim(), z.maxLength(LIMITS.scaleLabelMax)));

export const scaleQuestionSchema = z.object({
  kind: z.literal('scale'),
  prompt,
  steps: z.int().check(z.minimum(LIMITS.scaleStepsMin), z.maximum(LIMITS.scaleStepsMax)),
  minLabel: scaleLabel,
  maxLabel: scaleLabel,
});

export const drawingQuestionSchema = z.object({
  kind: z.literal('drawing'),
  prompt,
  backgroundImageUrl: z.optional(imageUrlSchema),
});

export const pinOnImageQuestionSchema = z.object({
  kind: z.literal('pin-on-image'),
  prompt,
  imageUrl: imageUrlSchema,
  imageAlt: z
    .string()
    .check(
      z.trim(),
      z.minLength(1, 'Describe the image for screen readers.'),
      z.maxLength(LIMITS.promptMax),
    ),
});

export const questionSchema = z.discriminatedUnion('kind', [
  multipleChoiceQuestionSchema,
  shortTextQuestionSchema,
  numberQuestionSchema,
  wordCloudQuestionSchema,
  scaleQuestionSchema,
  drawingQuestionSchema,
  pinOnImageQuestionSchema,
]);

export type Question = z.output<typeof questionSchema>;
export type QuestionInput = z.input<typeof questionSchema>;
export type QuestionKind = Question['kind'];
export type MultipleChoiceQuestion = z.output<typeof multipleChoiceQuestionSchema>;

export const QUESTION_KINDS = [
  'multiple-choice',
  'short-text',
  'number',
  'word-cloud',
  'scale',
  'drawing',
  'pin-on-image',
] as const satisfies readonly QuestionKind[];

/** Whether a question has a correct answer the teacher can reveal. */
export function hasCorrectAnswer(q: Question): boolean {
  return q.kind === 'multiple-choice' && (q.correctOptionIds?.length ?? 0) > 0;
}

/** The question as students see it: correct answers removed until the teacher reveals them. */
export function questionForStudents(q: Question, correctRevealed: boolean): Question {
  if (q.kind !== 'multiple-choice' || correctRevealed || q.correctOptionIds === undefined) return q;
  const { correctOptionIds: _hidden, ...rest } = q;
  return rest;
}
