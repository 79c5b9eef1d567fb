import { formatCount, formatMean } from '../../components/results/format.ts';
import type { RankingTally } from './aggregate.ts';

/** The chart's text alternative (aria-label); the exact numbers are in its data tables. */
export function rankingSummary(tally: RankingTally, showCorrect: boolean): string {
  const correct = showCorrect
    ? tally.items
        .filter((item) => item.correctPosition !== null)
        .sort((a, b) => (a.correctPosition ?? 0) - (b.correctPosition ?? 0))
        .map((item) => item.label)
    : [];
  const correctPart = correct.length > 0 ? ` Correct order: ${correct.join(', ')}.` : '';
  const first = tally.items[0];
  if (tally.respondents === 0 || !first || first.average === null)
    return `No rankings yet.${correctPart}`;
  const order = tally.items
    .filter((item) => item.average !== null)
    .map((item) => `${item.label} (${formatMean(item.average ?? 0)})`)
    .join(', ');
  return `${formatCount(tally.respondents, 'ranking')}. By average position: ${order}.${correctPart}`;
}
