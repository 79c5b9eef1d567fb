import * as z from 'zod/mini';
import { idSchema } from './ids.ts';
import { LIMITS } from './limits.ts';
import type { Question } from './questions.ts';

const unit = z.number().check(z.minimum(0), z.maximum(1));

export const multipleChoiceAnswerSchema = z.object({
  kind: z.literal('multiple-choice'),
  optionIds: z
    .array(idSchema)
    .check(z.minLength(1, 'Choose an option.'), z.maxLength(LIMITS.choiceOptionsMax)),
});

export const shortTextAnswerSchema = z.object({
  kind: z.literal('short-text'),
  text: z
    .string()
    .check(z.trim(), z.minLength(1, 'Write an answer.'), z.maxLength(LIMITS.shortTextMax)),
});

export const numberAnswerSchema = z.object({
  kind: z.literal('number'),
  value: z.number('Enter a number.'),
});

const word = z
  .string()
  .check(
    z.trim(),
    z.minLength(1),
    z.maxLength(
      LIMITS.wordCloudWordMax,
      `Each word has at most ${LIMITS.wordCloudWordMax} characters.`,
    ),
    z.regex(/^[^\s]+$/u, 'One word per box.'),
  );

export const wordCloudAnswerSchema = z.object({
  kind: z.literal('word-cloud'),
  words: z
    .array(word)
    .check(z.minLength(1, 'Enter a word.'), z.maxLength(LIMITS.wordCloudWordsMax)),
});

export const scaleAnswerSchema = z.object({
  kind: z.literal('scale'),
  value: z.int().check(z.minimum(1), z.maximum(LIMITS.scaleStepsMax)),
});

export const strokeSchema = z.object({
  color: z.string().check(z.regex(/^#[0-9a-fA-F]{6}$/)),
  width: z.number().check(z.minimum(0.5), z.maximum(LIMITS.drawingStrokeWidthMax)),
  /** Flat [x0, y0, x1, y1, …] in normalized canvas coordinates, so any screen size can replay it. */
  points: z.array(unit).check(
    z.minLength(2),
    z.maxLength(LIMITS.drawingPointsMax * 2),
    z.refine((p) => p.length % 2 === 0, 'Points come in x,y pairs.'),
  ),
});

export const drawingAnswerSchema = z
  .object({
    kind: z.literal('drawing'),
    strokes: z
      .array(strokeSchema)
      .check(z.minLength(1, 'Draw something first.'), z.maxLength(LIMITS.drawingStrokesMax)),
  })
  .check(
    z.refine(
      (a) => a.strokes.reduce((n, s) => n + s.points.length / 2, 0) <= LIMITS.drawingPointsMax,
      { path: ['strokes'], message: 'The drawing has too many points.' },
    ),
  );

export const pinAnswerSchema = z.object({
  kind: z.literal('pin-on-image'),
  x: unit,
  y: unit,
});

export const answerSchema = z.discriminatedUnion('kind', [
  multipleChoiceAnswerSchema,
  shortTextAnswerSchema,
  numberAnswerSchema,
  wordCloudAnswerSchema,
  scaleAnswerSchema,
  drawingAnswerSchema,
  pinAnswerSchema,
]);

export type Answer = z.output<typeof answerSchema>;
export type AnswerFor<K extends Answer['kind']> = Extract<Answer, { kind: K }>;

/**
 * Checks an already schema-valid answer against the question it answers. Returns a message for
 * the student, or null when the answer fits. Shared by the engine and the browser, so both say
 * the same thing.
 */
export function answerProblem(question: Question, answer: Answer): string | null {
  if (question.kind !== answer.kind) return 'This answer is for a different kind of question.';
  switch (answer.kind) {
    case 'multiple-choice': {
      const q = question as Extract<Question, { kind: 'multiple-choice' }>;
      const ids = new Set(q.options.map((o) => o.id));
      if (new Set(answer.optionIds).size !== answer.optionIds.length)
        return 'An option is chosen twice.';
      if (answer.optionIds.some((id) => !ids.has(id))) return 'That option does not exist.';
      if (!q.allowMultiple && answer.optionIds.length > 1) return 'Choose one option.';
      return null;
    }
    case 'short-text': {
      const q = question as Extract<Question, { kind: 'short-text' }>;
      return answer.text.length > q.maxLength ? `Use at most ${q.maxLength} characters.` : null;
    }
    case 'number': {
      const q = question as Extract<Question, { kind: 'number' }>;
      if (q.min !== undefined && answer.value < q.min)
        return `Enter a number of at least ${q.min}.`;
      if (q.max !== undefined && answer.value > q.max) return `Enter a number of at most ${q.max}.`;
      return null;
    }
    case 'word-cloud': {
      const q = question as Extract<Question, { kind: 'word-cloud' }>;
      return answer.words.length > q.maxWords ? `Enter at most ${q.maxWords} words.` : null;
    }
    case 'scale': {
      const q = question as Extract<Question, { kind: 'scale' }>;
      return answer.value > q.steps ? `Choose a value from 1 to ${q.steps}.` : null;
    }
    case 'drawing':
      return JSON.stringify(answer).length > LIMITS.drawingAnswerBytesMax
        ? 'The drawing is too large.'
        : null;
    case 'pin-on-image':
      return null;
  }
}
