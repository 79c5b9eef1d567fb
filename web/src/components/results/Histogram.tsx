import { useMemo } from 'react';
import type { ResultsClasses } from './classes.ts';
import { ColumnChart } from './ColumnChart.tsx';
import { DataTable } from './DataTable.tsx';
import { EmptyState } from './EmptyState.tsx';
import { binNumbers, numberStats } from './histogram-bins.ts';
import { StatList } from './StatList.tsx';
import { useResultsText } from './results-text.ts';
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
  const text = useResultsText();
  const { t, f } = text;
  if (!stats) return <EmptyState text={t('noAnswersYet')} classes={classes} />;

  const columns = histogram.bins.map((bin) => ({
    key: `${bin.from}`,
    label: f.binLabel(bin, histogram.integer),
    count: bin.count,
  }));
  return (
    <>
      <ColumnChart
        variant="histogram"
        columns={columns}
        ariaLabel={numberSummary(stats, text)}
        classes={classes}
      />
      <StatList
        stats={[
          { label: t('histogram.median'), value: f.number(stats.median) },
          { label: t('histogram.mean'), value: f.number(stats.mean) },
          { label: t('histogram.min'), value: f.number(stats.min) },
          { label: t('histogram.max'), value: f.number(stats.max) },
        ]}
        classes={classes}
      />
      <DataTable
        caption={t('histogram.caption')}
        columns={[t('histogram.rangeColumn'), t('histogram.answersColumn')]}
        rows={columns.map((c) => ({ key: c.key, cells: [c.label, c.count] }))}
      />
    </>
  );
}
