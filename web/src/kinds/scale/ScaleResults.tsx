import { useMemo } from 'react';
import { ColumnChart } from '../../components/results/ColumnChart.tsx';
import { DataTable } from '../../components/results/DataTable.tsx';
import { formatMean, formatPercent } from '../../components/results/format.ts';
import { StatList } from '../../components/results/StatList.tsx';
import type { KindResultsProps } from '../kind.ts';
import { tallyScale } from './aggregate.ts';
import { scaleSummary } from './summary.ts';

/** Scale 1..N: one column per step (zeros too), the end labels under the ends, and the mean. */
export function ScaleResults({ question, entries, classes }: KindResultsProps<'scale'>) {
  const tally = useMemo(() => tallyScale(question, entries), [question, entries]);
  const ends =
    question.minLabel || question.maxLabel ? (
      <div className={classes.scaleEnds}>
        <span>{question.minLabel}</span>
        <span>{question.maxLabel}</span>
      </div>
    ) : null;
  const stepName = (value: number) => {
    const label =
      value === 1 ? question.minLabel : value === question.steps ? question.maxLabel : undefined;
    return label ? `${value} (${label})` : String(value);
  };
  return (
    <>
      <ColumnChart
        variant="scale"
        columns={tally.counts.map((c) => ({
          key: String(c.value),
          label: String(c.value),
          count: c.count,
        }))}
        footer={ends}
        ariaLabel={scaleSummary(question, tally)}
        classes={classes}
      />
      <StatList
        stats={[{ label: 'Mean', value: tally.mean === null ? '–' : formatMean(tally.mean) }]}
        classes={classes}
      />
      <DataTable
        caption="Responses per value"
        columns={['Value', 'Responses', 'Percent']}
        rows={tally.counts.map((c) => ({
          key: String(c.value),
          cells: [stepName(c.value), c.count, formatPercent(c.share)],
        }))}
      />
    </>
  );
}
