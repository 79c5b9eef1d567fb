import { useMemo } from 'react';
import { BarChart, type BarItem } from '../../components/results/BarChart.tsx';
import { DataTable } from '../../components/results/DataTable.tsx';
import { useResultsText } from '../../components/results/results-text.ts';
import type { KindResultsProps } from '../kind.ts';
import { tallyImageChoices } from './aggregate.ts';
import { imageChoiceSummary } from './summary.ts';

/** Image choice: a bar per picture with its thumbnail and description, the correct ones marked once revealed. */
export function ImageChoiceResults({
  question,
  entries,
  correctRevealed,
  classes,
}: KindResultsProps<'image-choice'>) {
  const text = useResultsText();
  const { t, f } = text;
  const tally = useMemo(() => tallyImageChoices(question, entries), [question, entries]);
  // A poll has no correct options; revealing one must not grey out every bar.
  const showCorrect = correctRevealed && tally.options.some((o) => o.correct);
  const items: BarItem[] = tally.options.map((o) => ({
    key: o.id,
    label: o.alt,
    thumbUrl: o.imageUrl,
    count: o.count,
    share: o.share,
    tone: showCorrect ? (o.correct ? 'correct' : 'other') : 'plain',
    badge: showCorrect && o.correct ? t('correctBadge') : undefined,
  }));
  return (
    <>
      <BarChart
        items={items}
        ariaLabel={imageChoiceSummary(tally, showCorrect, text)}
        classes={classes}
      />
      <DataTable
        caption={t('imageChoice.caption')}
        columns={[
          t('imageChoice.pictureColumn'),
          t('responsesColumn'),
          t('percent'),
          ...(showCorrect ? [t('correctColumn')] : []),
        ]}
        rows={tally.options.map((o) => ({
          key: o.id,
          cells: [
            o.alt,
            o.count,
            f.percent(o.share),
            ...(showCorrect ? [o.correct ? t('yes') : t('no')] : []),
          ],
        }))}
      />
    </>
  );
}
