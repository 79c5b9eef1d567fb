import type { ResultsText } from '../../components/results/results-text.ts';
import type { RankingTally } from './aggregate.ts';

/** The chart's text alternative (aria-label); the exact numbers are in its data tables. */
export function rankingSummary(
  tally: RankingTally,
  showCorrect: boolean,
  text: ResultsText,
): string {
  const { t, f } = text;
  const correct = showCorrect
    ? tally.items
        .filter((item) => item.correctPosition !== null)
        .sort((a, b) => (a.correctPosition ?? 0) - (b.correctPosition ?? 0))
        .map((item) => item.label)
    : [];
  const correctPart =
    correct.length > 0 ? t('ranking.correctPart', { items: correct.join(t('separator')) }) : '';
  const first = tally.items[0];
  if (tally.respondents === 0 || !first || first.average === null)
    return t('ranking.none', { correctPart });
  const order = tally.items
    .filter((item) => item.average !== null)
    .map((item) =>
      t('ranking.itemAverage', { item: item.label, average: f.mean(item.average ?? 0) }),
    )
    .join(t('separator'));
  return t('ranking.summary', {
    count: tally.respondents,
    n: f.number(tally.respondents),
    order,
    correctPart,
  });
}
