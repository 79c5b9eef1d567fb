import * as z from 'zod/mini';
import type { KindModule } from './kind.ts';
import { draggable } from './draggable.ts';
import { drawing } from './drawing.ts';
import { imageChoice } from './image-choice.ts';
import { multipleChoice } from './multiple-choice.ts';
import { numberKind } from './number.ts';
import { pinOnImage } from './pin-on-image.ts';
import { ranking } from './ranking.ts';
import { scale } from './scale.ts';
import { shortText } from './short-text.ts';
import { sortIntoGroups } from './sort-into-groups.ts';
import { wordCloud } from './word-cloud.ts';

/**
 * Every question kind, once. Adding a kind is its own file plus one line here; everything that
 * handles questions or answers (schemas, engine, scoring, Firebase codec and rules) reads it from
 * this list, and the record below makes a kind missing a piece a type error.
 */
const KIND_LIST = [
  multipleChoice,
  shortText,
  numberKind,
  wordCloud,
  scale,
  drawing,
  pinOnImage,
  ranking,
  sortIntoGroups,
  draggable,
  imageChoice,
] as const;

type KindList = typeof KIND_LIST;
/** The tuple of one field of every module (generic, so TypeScript maps the tuple as a tuple). */
type FieldOf<T extends readonly unknown[], F extends string> = {
  -readonly [I in keyof T]: T[I] extends Record<F, infer S> ? S : never;
};
type QuestionSchemas = FieldOf<KindList, 'question'>;
type AnswerSchemas = FieldOf<KindList, 'answer'>;

export const questionSchema = z.discriminatedUnion(
  'kind',
  KIND_LIST.map((k) => k.question) as unknown as QuestionSchemas,
);
export const answerSchema = z.discriminatedUnion(
  'kind',
  KIND_LIST.map((k) => k.answer) as unknown as AnswerSchemas,
);

export type Question = z.output<typeof questionSchema>;
export type QuestionInput = z.input<typeof questionSchema>;
export type QuestionKind = Question['kind'];
export type QuestionOf<K extends QuestionKind> = Extract<Question, { kind: K }>;
export type Answer = z.output<typeof answerSchema>;
export type AnswerFor<K extends QuestionKind> = Extract<Answer, { kind: K }>;

/** Each kind's module by its name; a kind without a module (or with a wrong one) does not compile. */
export const KINDS: { readonly [K in QuestionKind]: KindModule<K, QuestionOf<K>, AnswerFor<K>> } =
  Object.fromEntries(KIND_LIST.map((k) => [k.kind, k])) as never;

export const QUESTION_KINDS = KIND_LIST.map((k) => k.kind) as readonly QuestionKind[];

/** Each kind's own bounds, gathered for `LIMITS`. */
export const KIND_LIMITS = Object.assign(
  {},
  ...KIND_LIST.map((k) => k.limits),
) as UnionToIntersection<KindList[number]['limits']>;

type UnionToIntersection<U> = (U extends unknown ? (u: U) => void : never) extends (
  i: infer I,
) => void
  ? I
  : never;

/** The module of a question's kind, typed for that question. */
function moduleOf<K extends QuestionKind>(kind: K): KindModule<K, QuestionOf<K>, AnswerFor<K>> {
  return KINDS[kind];
}

/**
 * Checks an already schema-valid answer against the question it answers. Returns a message for
 * the student, or null when the answer fits. Shared by the engine and the browser, so both say
 * the same thing.
 */
export function answerProblem(question: Question, answer: Answer): string | null {
  if (question.kind !== answer.kind) return 'This answer is for a different kind of question.';
  return moduleOf(question.kind).problem(question, answer);
}

/** Whether a question has a correct answer the teacher can reveal and that scores. */
export function hasCorrectAnswer(question: Question): boolean {
  return moduleOf(question.kind).gradable(question);
}

/**
 * The share (0–1) of the question's points an answer earns, or null when the question has no
 * correct answer (or the answer is for another kind).
 */
export function answerScore(question: Question, answer: Answer): number | null {
  if (question.kind !== answer.kind) return null;
  const share = moduleOf(question.kind).score(question, answer);
  return share === null ? null : Math.min(1, Math.max(0, share));
}

/** The question as students see it: correct answers removed until the teacher reveals them. */
export function questionForStudents(question: Question, correctRevealed: boolean): Question {
  return correctRevealed ? question : moduleOf(question.kind).hideCorrect(question);
}
