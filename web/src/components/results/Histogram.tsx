import { useMemo } from 'react';
import type { ResultsClasses } from './classes.ts';
import { ColumnChart } from './ColumnChart.tsx';
import { DataTable } from './DataTable.tsx';
import { EmptyState } from './EmptyState.tsx';
import { formatBinLabel, formatNumber } from './format.ts';
import { binNumbers, numberStats } from './histogram-bins.ts';
import { StatList } from './StatList.tsx';
import { numberSummary } from './summaries.ts';

export interface HistogramProps {
  values: readonly number[];
  /** The question's own range, which anchors the first and last bin. */
  min: number | undefined;
  max: number | undefined;
  classes: ResultsClasses;
}

/** Numbers as a histogram over automatic bins, with the median, mean, min and max. */
export function Histogram({ values, min, max, classes }: HistogramProps) {
  const histogram = useMemo(() => binNumbers(values, { min, max }), [values, min, max]);
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
