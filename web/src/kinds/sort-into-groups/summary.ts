import type { ResultsText } from '../../components/results/results-text.ts';
import type { SortTally } from './aggregate.ts';

/** The chart's text alternative (aria-label); the exact numbers are in its data table. */
export function sortSummary(tally: SortTally, showCorrect: boolean, text: ResultsText): string {
  const { t, f } = text;
  if (tally.respondents === 0) return t('noAnswersYet');
  const groupName = (id: string | null) => tally.groups.find((g) => g.id === id)?.label ?? '';
  const graded = showCorrect ? tally.items.filter((item) => item.correctShare !== null) : [];
  const parts = tally.items.map((item) => {
    const top = Math.max(...item.counts);
    const most = tally.groups.filter((_, i) => item.counts[i] === top).map((g) => g.label);
    if (item.placed === 0) return t('sort.notPlaced', { item: item.label });
    const groups = most.reduce((all, group) => t('sort.or', { first: all, second: group }));
    return t('sort.mostly', { item: item.label, groups });
  });
  const correctPart =
    graded.length > 0
      ? t('sort.correctPart', {
          items: graded
            .map((item) =>
              t('sort.correctItem', {
                item: item.label,
                group: groupName(item.correctGroupId),
                percent: f.percent(item.correctShare ?? 0),
              }),
            )
            .join(t('separator')),
        })
      : '';
  return t('sort.summary', {
    count: tally.respondents,
    n: f.number(tally.respondents),
    parts: parts.join(t('partsSeparator')),
    correctPart,
  });
}
