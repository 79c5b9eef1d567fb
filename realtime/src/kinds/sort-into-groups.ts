import * as z from 'zod/mini';
import { idSchema } from '../protocol/ids.ts';
import { defineKind, idSet, storedAsIs } from './kind.ts';
import { checkUniqueIds, labelledSchema, questionBase, without } from './common.ts';
import { idListedIn } from './rules-kit.ts';

/** Students place 2–20 items into 2–6 named groups. */
export const SORT_LIMITS = {
  sortItemsMin: 2,
  sortItemsMax: 20,
  sortGroupsMin: 2,
  sortGroupsMax: 6,
  sortLabelMax: 120,
} as const;

const labelled = labelledSchema(SORT_LIMITS.sortLabelMax, 'Each item and group needs text.');

/** itemId → groupId, at most one entry per item. */
const placementsSchema = z
  .record(idSchema, idSchema)
  .check(
    z.refine((p) => Object.keys(p).length <= SORT_LIMITS.sortItemsMax, 'Too many items placed.'),
  );

export const sortIntoGroupsQuestionSchema = z
  .object({
    kind: z.literal('sort-into-groups'),
    ...questionBase,
    groups: z
      .array(labelled)
      .check(
        z.minLength(SORT_LIMITS.sortGroupsMin, `Add at least ${SORT_LIMITS.sortGroupsMin} groups.`),
        z.maxLength(SORT_LIMITS.sortGroupsMax),
      ),
    items: z
      .array(labelled)
      .check(
        z.minLength(SORT_LIMITS.sortItemsMin, `Add at least ${SORT_LIMITS.sortItemsMin} items.`),
        z.maxLength(SORT_LIMITS.sortItemsMax),
      ),
    /** The group each item belongs in; items left out are not graded. */
    correctGroups: z.optional(placementsSchema),
  })
  .check(
    z.superRefine((q, ctx) => {
      const items = checkUniqueIds(
        ctx,
        q.items.map((i) => i.id),
        ['items'],
        'Item ids must be unique.',
      );
      const groups = checkUniqueIds(
        ctx,
        q.groups.map((g) => g.id),
        ['groups'],
        'Group ids must be unique.',
      );
      for (const [itemId, groupId] of Object.entries(q.correctGroups ?? {}))
        if (!items.has(itemId) || !groups.has(groupId))
          ctx.addIssue({
            code: 'custom',
            path: ['correctGroups'],
            message: 'A correct group must place one of the items in one of the groups.',
          });
    }),
  );

export const sortIntoGroupsAnswerSchema = z.object({
  kind: z.literal('sort-into-groups'),
  placements: placementsSchema,
});

export const sortIntoGroups = defineKind({
  kind: 'sort-into-groups',
  question: sortIntoGroupsQuestionSchema,
  answer: sortIntoGroupsAnswerSchema,
  limits: SORT_LIMITS,
  problem: (q, a) => {
    const groups = new Set(q.groups.map((g) => g.id));
    const items = new Set(q.items.map((i) => i.id));
    const placed = Object.entries(a.placements);
    if (placed.some(([itemId]) => !items.has(itemId))) return 'That item does not exist.';
    if (placed.some(([, groupId]) => !groups.has(groupId))) return 'That group does not exist.';
    if (placed.length < items.size) return 'Place every item in a group.';
    return null;
  },
  gradable: (q) => Object.keys(q.correctGroups ?? {}).length > 0,
  // Per item: the share of graded items placed in their group.
  score: (q, a) => {
    const graded = Object.entries(q.correctGroups ?? {});
    if (graded.length === 0) return null;
    return graded.filter(([item, group]) => a.placements[item] === group).length / graded.length;
  },
  hideCorrect: (q) => without(q, 'correctGroups'),
  gate: (q) => ({ itemIds: idSet(q.items), groupIds: idSet(q.groups) }),
  rules: {
    placements: {
      '.validate': 'newData.hasChildren()',
      $itemId: {
        '.validate': `${idListedIn('itemIds', '$itemId')} && newData.isString() && ${idListedIn('groupIds')}`,
      },
    },
  },
  requiredField: 'placements',
  ...storedAsIs,
});
