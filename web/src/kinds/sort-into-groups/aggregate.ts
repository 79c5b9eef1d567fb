import { visibleAnswers, type ResultEntry } from '../../components/results/aggregate.ts';
import type { QuestionOf } from '../kind.ts';

export interface SortedItem {
  id: string;
  label: string;
  /** How many answers put it in each group, in the question's group order. */
  counts: number[];
  /** Answers that placed it at all (answers to an older version may not have). */
  placed: number;
  /** The group it belongs in, or null when it is not graded. */
  correctGroupId: string | null;
  /** Share of its placements in the correct group; null when not graded or nobody placed it. */
  correctShare: number | null;
}

export interface SortTally {
  respondents: number;
  groups: ReadonlyArray<{ id: string; label: string }>;
  /** In the question's item order. */
  items: SortedItem[];
}

/** Per item, how many put it in each group, and the share in its correct group where it has one. */
export function tallySort(
  question: QuestionOf<'sort-into-groups'>,
  entries: readonly ResultEntry[],
): SortTally {
  const groupIndex = new Map(question.groups.map((group, i) => [group.id, i]));
  const answers = visibleAnswers(entries, 'sort-into-groups');
  const correct = question.correctGroups ?? {};
  const items = question.items.map((item): SortedItem => {
    const counts = question.groups.map(() => 0);
    let placed = 0;
    for (const answer of answers) {
      const group = answer.placements[item.id];
      const index = group === undefined ? undefined : groupIndex.get(group);
      if (index === undefined) continue;
      counts[index] = (counts[index] ?? 0) + 1;
      placed += 1;
    }
    const correctGroupId = correct[item.id] ?? null;
    const correctIndex = correctGroupId === null ? undefined : groupIndex.get(correctGroupId);
    return {
      id: item.id,
      label: item.label,
      counts,
      placed,
      correctGroupId: correctIndex === undefined ? null : correctGroupId,
      correctShare:
        correctIndex === undefined || placed === 0 ? null : (counts[correctIndex] ?? 0) / placed,
    };
  });
  return {
    respondents: answers.length,
    groups: question.groups.map(({ id, label }) => ({ id, label })),
    items,
  };
}
