import * as z from 'zod/mini';
import { idSchema } from '../protocol/ids.ts';
import { defineKind, idSet, listFromNode } from './kind.ts';
import { checkUniqueIds, labelledSchema, questionBase, scrambled } from './common.ts';
import { gate, idListedIn, listItemKey } from './rules-kit.ts';

/** Students put 2–10 items in order (most to least, first to last: the prompt says which). */
export const RANKING_LIMITS = {
  rankingItemsMin: 2,
  rankingItemsMax: 10,
  rankingLabelMax: 200,
} as const;

const itemSchema = labelledSchema(RANKING_LIMITS.rankingLabelMax, 'Each item needs text.');

const orderSchema = z
  .array(idSchema)
  .check(z.minLength(RANKING_LIMITS.rankingItemsMin), z.maxLength(RANKING_LIMITS.rankingItemsMax));

export const rankingQuestionSchema = z
  .object({
    kind: z.literal('ranking'),
    ...questionBase,
    items: z
      .array(itemSchema)
      .check(
        z.minLength(
          RANKING_LIMITS.rankingItemsMin,
          `Add at least ${RANKING_LIMITS.rankingItemsMin} items.`,
        ),
        z.maxLength(RANKING_LIMITS.rankingItemsMax),
      ),
    /** The correct order (every item once); without it the ranking is an opinion poll. */
    correctOrder: z.optional(orderSchema),
  })
  .check(
    z.superRefine((q, ctx) => {
      const ids = checkUniqueIds(
        ctx,
        q.items.map((i) => i.id),
        ['items'],
        'Item ids must be unique.',
      );
      if (q.correctOrder && orderProblem(ids, q.correctOrder))
        ctx.addIssue({
          code: 'custom',
          path: ['correctOrder'],
          message: 'The correct order lists every item once.',
        });
    }),
  );

export const rankingAnswerSchema = z.object({ kind: z.literal('ranking'), order: orderSchema });

function orderProblem(itemIds: ReadonlySet<string>, order: readonly string[]): string | null {
  if (new Set(order).size !== order.length) return 'An item is placed twice.';
  if (order.some((id) => !itemIds.has(id))) return 'That item does not exist.';
  if (order.length !== itemIds.size) return 'Put every item in the order.';
  return null;
}

/**
 * Partial credit by position: each item earns 1 in its place, less the further it lands from it
 * (nothing at the opposite end), averaged over the items.
 */
function orderScore(correct: readonly string[], given: readonly string[]): number {
  const span = correct.length - 1;
  let total = 0;
  for (const [position, id] of given.entries())
    total += 1 - Math.abs(position - correct.indexOf(id)) / span;
  return total / correct.length;
}

export const ranking = defineKind({
  kind: 'ranking',
  question: rankingQuestionSchema,
  answer: rankingAnswerSchema,
  limits: RANKING_LIMITS,
  problem: (q, a) => orderProblem(new Set(q.items.map((i) => i.id)), a.order),
  gradable: (q) => q.correctOrder !== undefined,
  score: (q, a) => (q.correctOrder ? orderScore(q.correctOrder, a.order) : null),
  // Teachers often list the items in the correct order: students get them scrambled until the
  // order is revealed, so the order on their screen gives nothing away.
  hideCorrect: (q) => {
    if (!q.correctOrder) return q;
    const { correctOrder: _hidden, ...rest } = q;
    return { ...rest, items: scrambled(q.items) };
  },
  gate: (q) => ({ itemIds: idSet(q.items), itemCount: q.items.length }),
  rules: {
    order: {
      // Every item once: as many entries as items (the reader checks that none repeats).
      '.validate': `newData.hasChild('' + (${gate('itemCount')}.val() - 1)) && !newData.hasChild('' + ${gate('itemCount')}.val())`,
      $i: { '.validate': `${listItemKey} && newData.isString() && ${idListedIn('itemIds')}` },
    },
  },
  requiredField: 'order',
  encode: (answer) => ({ ...answer }),
  decode: (node) => ({ ...node, order: listFromNode(node.order) }),
});
