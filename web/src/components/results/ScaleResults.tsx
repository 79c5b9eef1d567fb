import { useMemo } from 'react';
import { tallyScale, type QuestionOf, type ResultEntry } from './aggregate.ts';
import type { ResultsClasses } from './classes.ts';
import { ColumnChart } from './ColumnChart.tsx';
import { DataTable } from './DataTable.tsx';
import { formatMean, formatPercent } from './format.ts';
import { StatList } from './StatList.tsx';
import { scaleSummary } from './summaries.ts';

export interface ScaleResultsProps {
  question: QuestionOf<'scale'>;
  entries: readonly ResultEntry[];
  classes: ResultsClasses;
}

/** Scale 1..N: one column per step (zeros too), the end labels under the ends, and the mean. */
export function ScaleResults({ question, entries, classes }: ScaleResultsProps) {
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
