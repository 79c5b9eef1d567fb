import { visibleAnswers, type ResultEntry } from '../../components/results/aggregate.ts';
import type { QuestionOf } from '../kind.ts';

export interface RankedItem {
  id: string;
  label: string;
  /** Mean position, 1 = first; null when no answer placed it. */
  average: number | null;
  /** How many answers put it at each position: `counts[0]` first, one entry per item. */
  counts: number[];
  /** Its position (1-based) in the teacher's correct order, or null for an opinion ranking. */
  correctPosition: number | null;
}

export interface RankingTally {
  respondents: number;
  /** Best average first; items nobody placed last, in the question's order. */
  items: RankedItem[];
}

/**
 * Average position and the position counts of every item. An answer to an older version of the
 * question (items since removed or added) counts only for the items and positions it still has.
 */
export function tallyRanking(
  question: QuestionOf<'ranking'>,
  entries: readonly ResultEntry[],
): RankingTally {
  const size = question.items.length;
  const counts = new Map(question.items.map((item) => [item.id, Array<number>(size).fill(0)]));
  const sums = new Map(question.items.map((item) => [item.id, { total: 0, n: 0 }]));
  const answers = visibleAnswers(entries, 'ranking');
  for (const answer of answers) {
    answer.order.forEach((itemId, index) => {
      const row = counts.get(itemId);
      const sum = sums.get(itemId);
      if (!row || !sum || index >= size) return;
      row[index] = (row[index] ?? 0) + 1;
      sum.total += index + 1;
      sum.n += 1;
    });
  }
  const correct = question.correctOrder ?? [];
  const items = question.items.map((item): RankedItem => {
    const sum = sums.get(item.id);
    const at = correct.indexOf(item.id);
    return {
      id: item.id,
      label: item.label,
      average: sum && sum.n > 0 ? sum.total / sum.n : null,
      counts: counts.get(item.id) ?? [],
      correctPosition: at === -1 ? null : at + 1,
    };
  });
  // A stable sort: equal averages keep the teacher's order.
  items.sort((a, b) => (a.average ?? Infinity) - (b.average ?? Infinity));
  return { respondents: answers.length, items };
}
