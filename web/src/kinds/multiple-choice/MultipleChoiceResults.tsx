import { useMemo } from 'react';
import { BarChart, type BarItem } from '../../components/results/BarChart.tsx';
import { DataTable } from '../../components/results/DataTable.tsx';
import { useResultsText } from '../../components/results/results-text.ts';
import type { KindResultsProps } from '../kind.ts';
import { tallyChoices } from './aggregate.ts';
import { choiceSummary } from './summary.ts';

/** Multiple choice: every option with its count and share, the correct ones marked once revealed. */
export function MultipleChoiceResults({
  question,
  entries,
  correctRevealed,
  classes,
}: KindResultsProps<'multiple-choice'>) {
  const text = useResultsText();
  const { t, f } = text;
  const tally = useMemo(() => tallyChoices(question, entries), [question, entries]);
  // A poll has no correct options; revealing one must not grey out every bar.
  const showCorrect = correctRevealed && tally.options.some((o) => o.correct);
  const items: BarItem[] = tally.options.map((o) => ({
    key: o.id,
    label: o.label,
    count: o.count,
    share: o.share,
    tone: showCorrect ? (o.correct ? 'correct' : 'other') : 'plain',
    badge: showCorrect && o.correct ? t('correctBadge') : undefined,
  }));
  return (
    <>
      <BarChart
        items={items}
        ariaLabel={choiceSummary(tally, showCorrect, text)}
        classes={classes}
      />
      <DataTable
        caption={t('choice.caption')}
        columns={[
          t('choice.optionColumn'),
          t('responsesColumn'),
          t('percent'),
          ...(showCorrect ? [t('correctColumn')] : []),
        ]}
        rows={tally.options.map((o) => ({
          key: o.id,
          cells: [
            o.label,
            o.count,
            f.percent(o.share),
            ...(showCorrect ? [o.correct ? t('yes') : t('no')] : []),
          ],
        }))}
      />
    </>
  );
}
