import { newClientId } from '../../components/editor/client-ids.ts';
import type { QuestionOf, WebKind } from '../kind.ts';

/** The group of each item the student has placed (item id → group id); unsorted items are absent. */
export type SortIntoGroupsDraft = Readonly<Record<string, string>>;

const blank = () => ({ id: newClientId(), label: '' });

/** The placements of the question's items in its groups, dropping any it no longer has. */
export function knownPlacements(
  question: Pick<QuestionOf<'sort-into-groups'>, 'items' | 'groups'>,
  placements: SortIntoGroupsDraft,
): Record<string, string> {
  const groups = new Set(question.groups.map((g) => g.id));
  const out: Record<string, string> = {};
  for (const item of question.items) {
    const group = placements[item.id];
    if (group !== undefined && groups.has(group)) out[item.id] = group;
  }
  return out;
}

export const sortIntoGroups: WebKind<'sort-into-groups', SortIntoGroupsDraft> = {
  label: 'Sort into groups',
  hint: 'Students put each item into one of your groups. Mark the correct groups, or none for a poll.',
  newQuestion: (prompt) => ({
    kind: 'sort-into-groups',
    prompt,
    groups: [blank(), blank()],
    items: [blank(), blank(), blank(), blank()],
  }),
  copyQuestion(question) {
    // Fresh ids for items and groups; the correct groups follow them.
    const itemIds = new Map(question.items.map((item) => [item.id, newClientId()] as const));
    const groupIds = new Map(question.groups.map((group) => [group.id, newClientId()] as const));
    const correct = Object.entries(question.correctGroups ?? {}).map(
      ([item, group]) => [itemIds.get(item) ?? item, groupIds.get(group) ?? group] as const,
    );
    const { correctGroups: _old, ...rest } = question;
    return {
      ...rest,
      items: question.items.map((item) => ({ ...item, id: itemIds.get(item.id) ?? newClientId() })),
      groups: question.groups.map((g) => ({ ...g, id: groupIds.get(g.id) ?? newClientId() })),
      ...(correct.length > 0 ? { correctGroups: Object.fromEntries(correct) } : {}),
    };
  },
  issueFields: {
    groups: { field: 'groups', name: 'Groups' },
    items: { field: 'items', name: 'Items' },
    correctGroups: { field: 'items', name: 'Correct groups' },
    points: { field: 'points', name: 'Points' },
  },
  issueTarget(question, [property, index]) {
    if (typeof index !== 'number') return null;
    if (property === 'items') {
      const item = question.items[index];
      return item ? { field: `item-${item.id}`, detail: `Item ${index + 1}` } : null;
    }
    if (property === 'groups') {
      const group = question.groups[index];
      return group ? { field: `group-${group.id}`, detail: `Group ${index + 1}` } : null;
    }
    return null;
  },

  emptyDraft: {},
  draftFromAnswer: (answer) => answer.placements,
  // Placements of items or groups the teacher has since removed are dropped, not refused.
  draftToCandidate: (draft, question) => ({ placements: knownPlacements(question, draft) }),
  missingMessage: 'Place every item in a group.',

  answerText(question, answer) {
    if (!question) {
      return Object.entries(answer.placements)
        .map(([item, group]) => `${item}: ${group}`)
        .join('; ');
    }
    // Groups and their items in the teacher's order, whatever order the student placed them in.
    return question.groups
      .map((group) => ({
        group: group.label,
        members: question.items
          .filter((item) => answer.placements[item.id] === group.id)
          .map((item) => item.label),
      }))
      .filter((g) => g.members.length > 0)
      .map((g) => `${g.group}: ${g.members.join(', ')}`)
      .join('; ');
  },
  correctText(question) {
    const placements = question.correctGroups;
    if (!placements || Object.keys(placements).length === 0) return null;
    return sortIntoGroups.answerText(question, { kind: 'sort-into-groups', placements });
  },
};
