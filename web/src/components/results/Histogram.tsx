import { useMemo } from 'react';
import {
  binNumbers,
  numberStats,
  visibleAnswers,
  type QuestionOf,
  type ResultEntry,
} from './aggregate.ts';
import type { ResultsClasses } from './classes.ts';
import { ColumnChart } from './ColumnChart.tsx';
import { DataTable } from './DataTable.tsx';
import { EmptyState } from './EmptyState.tsx';
import { formatBinLabel, formatNumber } from './format.ts';
import { StatList } from './StatList.tsx';
import { numberSummary } from './summaries.ts';

export interface HistogramProps {
  question: QuestionOf<'number'>;
  entries: readonly ResultEntry[];
  classes: ResultsClasses;
}

/** Number answers: a histogram over automatic bins, and the median, mean, min and max. */
export function Histogram({ question, entries, classes }: HistogramProps) {
  const values = useMemo(() => visibleAnswers(entries, 'number').map((a) => a.value), [entries]);
  const histogram = useMemo(
    () => binNumbers(values, { min: question.min, max: question.max }),
    [values, question.min, question.max],
  );
  const stats = useMemo(() => numberStats(values), [values]);
  if (!stats) return <EmptyState text="No answers yet." classes={classes} />;

  const columns = histogram.bins.map((bin) => ({
    key: `${bin.from}`,
    label: formatBinLabel(bin, histogram.integer),
    count: bin.count,
  }));
  return (
    <>
      <ColumnChart
        variant="histogram"
        columns={columns}
        ariaLabel={numberSummary(stats)}
        classes={classes}
      />
      <StatList
        stats={[
          { label: 'Median', value: formatNumber(stats.median) },
          { label: 'Mean', value: formatNumber(stats.mean) },
          { label: 'Min', value: formatNumber(stats.min) },
          { label: 'Max', value: formatNumber(stats.max) },
        ]}
        classes={classes}
      />
      <DataTable
        caption="Answers per range"
        columns={['Range', 'Answers']}
        rows={columns.map((c) => ({ key: c.key, cells: [c.label, c.count] }))}
      />
    </>
  );
}
