import * as z from 'zod/mini';
import { idSchema } from '../protocol/ids.ts';
import { idSet, listFromNode, type GateValue } from './kind.ts';
import { gate, idListedIn, listItemKey, type AnswerRules } from './rules-kit.ts';
import { checkUniqueIds, without } from './common.ts';

/**
 * What multiple choice and image choice share: options chosen by id, one or several, and an
 * optional set of correct options.
 */

export const CHOICE_LIMITS = { choiceOptionsMin: 2, choiceOptionsMax: 10 } as const;

export interface ChoiceQuestion {
  options: readonly { id: string }[];
  allowMultiple: boolean;
  correctOptionIds?: readonly string[] | undefined;
}

export const correctOptionIdsSchema = z.optional(
  z.array(idSchema).check(z.maxLength(CHOICE_LIMITS.choiceOptionsMax)),
);

export function optionsSchema<T extends z.ZodMiniType>(option: T) {
  return z
    .array(option)
    .check(
      z.minLength(CHOICE_LIMITS.choiceOptionsMin),
      z.maxLength(CHOICE_LIMITS.choiceOptionsMax),
    );
}

/** The options' ids are unique and the correct ones are among them. */
export const choiceQuestionCheck = z.superRefine<ChoiceQuestion>((q, ctx) => {
  const ids = checkUniqueIds(
    ctx,
    q.options.map((o) => o.id),
    ['options'],
    'Option ids must be unique.',
  );
  const correct = q.correctOptionIds ?? [];
  if (correct.some((id) => !ids.has(id)))
    ctx.addIssue({
      code: 'custom',
      path: ['correctOptionIds'],
      message: 'A correct answer must be one of the options.',
    });
  checkUniqueIds(ctx, correct, ['correctOptionIds'], 'Correct answers are listed twice.');
  if (!q.allowMultiple && correct.length > 1)
    ctx.addIssue({
      code: 'custom',
      path: ['correctOptionIds'],
      message: 'A single-choice question has one correct answer.',
    });
});

export const optionIdsSchema = z
  .array(idSchema)
  .check(z.minLength(1, 'Choose an option.'), z.maxLength(CHOICE_LIMITS.choiceOptionsMax));

export function choiceProblem(q: ChoiceQuestion, optionIds: readonly string[]): string | null {
  const ids = new Set(q.options.map((o) => o.id));
  if (new Set(optionIds).size !== optionIds.length) return 'An option is chosen twice.';
  if (optionIds.some((id) => !ids.has(id))) return 'That option does not exist.';
  if (!q.allowMultiple && optionIds.length > 1) return 'Choose one option.';
  return null;
}

export const choiceGradable = (q: ChoiceQuestion) => (q.correctOptionIds?.length ?? 0) > 0;

/**
 * One correct option: all or nothing. Several: each correct option chosen earns its share, each
 * wrong one chosen takes a share back (so choosing everything earns nothing), never below 0.
 */
export function choiceScore(q: ChoiceQuestion, optionIds: readonly string[]): number | null {
  const correct = new Set(q.correctOptionIds ?? []);
  if (correct.size === 0) return null;
  let hits = 0;
  let misses = 0;
  for (const id of optionIds) {
    if (correct.has(id)) hits++;
    else misses++;
  }
  return Math.max(0, (hits - misses) / correct.size);
}

export function choiceGate(q: ChoiceQuestion): Record<string, GateValue> {
  return { allowMultiple: q.allowMultiple, optionIds: idSet(q.options) };
}

export const choiceRules: AnswerRules = {
  optionIds: {
    '.validate': `newData.hasChild('0') && (${gate('allowMultiple')}.val() === true || !newData.hasChild('1'))`,
    $i: { '.validate': `${listItemKey} && newData.isString() && ${idListedIn('optionIds')}` },
  },
};

export const choiceCodec = {
  encode: (answer: { kind: string; optionIds: string[] }) => ({ ...answer }),
  decode: (node: Record<string, unknown>) => ({ ...node, optionIds: listFromNode(node.optionIds) }),
};

/** Everything a choice kind's module holds but its schemas and limits. */
export const choiceKindParts = {
  problem: (q: ChoiceQuestion, a: { optionIds: readonly string[] }) =>
    choiceProblem(q, a.optionIds),
  gradable: choiceGradable,
  score: (q: ChoiceQuestion, a: { optionIds: readonly string[] }) => choiceScore(q, a.optionIds),
  hideCorrect: <Q extends ChoiceQuestion>(q: Q): Q => without(q, 'correctOptionIds'),
  gate: choiceGate,
  rules: choiceRules,
  requiredField: 'optionIds',
  ...choiceCodec,
};
