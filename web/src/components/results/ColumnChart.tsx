import type { ReactNode } from 'react';
import { cn, type ResultsClasses } from './classes.ts';
import { useResultsText } from './results-text.ts';

export interface Column {
  key: string;
  label: string;
  count: number;
}

export interface ColumnChartProps {
  columns: readonly Column[];
  ariaLabel: string;
  /** Histogram bars touch (a continuous range); scale columns stand apart (separate values). */
  variant: 'scale' | 'histogram';
  /** Drawn under the axis labels, inside the chart (e.g. a scale's end labels). */
  footer?: ReactNode;
  classes: ResultsClasses;
}

/** Leaves room above the tallest bar for its count. */
const HEADROOM = 0.82;

/**
 * Vertical columns scaled to the largest count, each with its count just above the bar. Bar
 * heights and count positions are SVG percentages, so no inline styles are needed.
 */
export function ColumnChart({ columns, ariaLabel, variant, footer, classes }: ColumnChartProps) {
  const { f } = useResultsText();
  const max = Math.max(1, ...columns.map((c) => c.count));
  return (
    <div
      role="img"
      aria-label={ariaLabel}
      className={cn(classes.columnChart, variant === 'histogram' && classes.histogram)}
    >
      <div className={classes.columns}>
        {columns.map((column) => {
          const height = (column.count / max) * HEADROOM * 100;
          const top = 100 - height;
          return (
            <div key={column.key} className={classes.column}>
              <svg className={classes.columnPlot} aria-hidden="true" focusable="false">
                {column.count > 0 ? (
                  <rect
                    className={classes.columnFill}
                    x="0"
                    y={`${top}%`}
                    width="100%"
                    height={`${height}%`}
                    rx="4"
                  />
                ) : null}
                <text
                  className={classes.columnCount}
                  x="50%"
                  y={`${top}%`}
                  dy="-0.35em"
                  textAnchor="middle"
                >
                  {f.number(column.count)}
                </text>
              </svg>
              <span className={classes.columnLabel}>{column.label}</span>
            </div>
          );
        })}
      </div>
      {footer}
    </div>
  );
}
