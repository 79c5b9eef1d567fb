import { useMemo } from 'react';
import { ColumnChart } from '../../components/results/ColumnChart.tsx';
import { DataTable } from '../../components/results/DataTable.tsx';
import { useResultsText } from '../../components/results/results-text.ts';
import { StatList } from '../../components/results/StatList.tsx';
import type { KindResultsProps } from '../kind.ts';
import { tallyScale } from './aggregate.ts';
import { scaleStep, scaleSummary } from './summary.ts';

/** Scale 1..N: one column per step (zeros too), the end labels under the ends, and the mean. */
export function ScaleResults({ question, entries, classes }: KindResultsProps<'scale'>) {
  const text = useResultsText();
  const { t, f } = text;
  const tally = useMemo(() => tallyScale(question, entries), [question, entries]);
  const ends =
    question.minLabel || question.maxLabel ? (
      <div className={classes.scaleEnds}>
        <span>{question.minLabel}</span>
        <span>{question.maxLabel}</span>
      </div>
    ) : null;
  const stepName = (value: number) =>
    scaleStep(
      value,
      value === 1 ? question.minLabel : value === question.steps ? question.maxLabel : undefined,
      text,
    );
  return (
    <>
      <ColumnChart
        variant="scale"
        columns={tally.counts.map((c) => ({
          key: String(c.value),
          label: f.number(c.value),
          count: c.count,
        }))}
        footer={ends}
        ariaLabel={scaleSummary(question, tally, text)}
        classes={classes}
      />
      <StatList
        stats={[
          { label: t('histogram.mean'), value: tally.mean === null ? '–' : f.mean(tally.mean) },
        ]}
        classes={classes}
      />
      <DataTable
        caption={t('scale.caption')}
        columns={[t('scale.valueColumn'), t('responsesColumn'), t('percent')]}
        rows={tally.counts.map((c) => ({
          key: String(c.value),
          cells: [stepName(c.value), c.count, f.percent(c.share)],
        }))}
      />
    </>
  );
}
