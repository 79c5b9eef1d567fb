import { formatCount, formatPercent } from '../../components/results/format.ts';
import type { SortTally } from './aggregate.ts';

/** The chart's text alternative (aria-label); the exact numbers are in its data table. */
export function sortSummary(tally: SortTally, showCorrect: boolean): string {
  if (tally.respondents === 0) return 'No answers yet.';
  const groupName = (id: string | null) => tally.groups.find((g) => g.id === id)?.label ?? '';
  const graded = showCorrect ? tally.items.filter((item) => item.correctShare !== null) : [];
  const parts = tally.items.map((item) => {
    const top = Math.max(...item.counts);
    const most = tally.groups.filter((_, i) => item.counts[i] === top).map((g) => g.label);
    if (item.placed === 0) return `${item.label}: not placed`;
    return `${item.label}: mostly ${most.join(' or ')}`;
  });
  const correctPart =
    graded.length > 0
      ? ` Correct: ${graded
          .map(
            (item) =>
              `${item.label} in ${groupName(item.correctGroupId)} (${formatPercent(item.correctShare ?? 0)} right)`,
          )
          .join(', ')}.`
      : '';
  return `${formatCount(tally.respondents, 'answer')}. ${parts.join('; ')}.${correctPart}`;
}
