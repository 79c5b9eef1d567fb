import { useMemo } from 'react';
import { cn } from '../../components/results/classes.ts';
import { DataTable } from '../../components/results/DataTable.tsx';
import { formatMean, formatNumber } from '../../components/results/format.ts';
import type { KindResultsProps } from '../kind.ts';
import { tallyRanking } from './aggregate.ts';
import { rankingSummary } from './summary.ts';

/** 1st, 2nd, 3rd, 4th … 11th, 12th, 13th … 21st. */
function ordinal(n: number): string {
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return `${n}th`;
  return `${n}${['th', 'st', 'nd', 'rd'][n % 10] ?? 'th'}`;
}

/**
 * Ranking: the items by average position (best first), each with how many students put it at each
 * position as a row of shaded cells, and the correct position once revealed.
 */
export function RankingResults({
  question,
  entries,
  correctRevealed,
  classes,
}: KindResultsProps<'ranking'>) {
  const tally = useMemo(() => tallyRanking(question, entries), [question, entries]);
  const showCorrect = correctRevealed && question.correctOrder !== undefined;
  const positions = question.items.length;
  const most = Math.max(1, ...tally.items.flatMap((item) => item.counts));
  const positionColumns = Array.from({ length: positions }, (_, i) => ordinal(i + 1));
  return (
    <>
      <div role="img" aria-label={rankingSummary(tally, showCorrect)} className={classes.rankChart}>
        {tally.items.map((item) => (
          <div key={item.id} className={classes.rankRow}>
            <div className={classes.barLabel}>
              <span className={classes.barLabelText}>{item.label}</span>
              {showCorrect && item.correctPosition !== null ? (
                <span className={classes.correctBadge}>
                  <span aria-hidden="true">✓</span> {ordinal(item.correctPosition)}
                </span>
              ) : null}
            </div>
            <span className={classes.rankAverage}>
              {item.average === null ? '–' : `avg ${formatMean(item.average)}`}
            </span>
            <svg className={classes.rankCells} aria-hidden="true" focusable="false">
              {item.counts.map((count, i) => (
                <g key={i}>
                  <rect
                    className={cn(
                      classes.rankCell,
                      showCorrect && item.correctPosition === i + 1 && classes.rankCellCorrect,
                    )}
                    x={`${(i * 100) / positions}%`}
                    width={`${100 / positions}%`}
                    height="100%"
                    // At most half strength, so the dark count on top stays readable.
                    fillOpacity={count === 0 ? 0.06 : 0.1 + (0.45 * count) / most}
                  />
                  <text
                    className={classes.rankCellText}
                    x={`${((i + 0.5) * 100) / positions}%`}
                    y="50%"
                    dominantBaseline="central"
                    textAnchor="middle"
                  >
                    {count > 0 ? formatNumber(count) : ''}
                  </text>
                </g>
              ))}
            </svg>
          </div>
        ))}
      </div>
      <p className={classes.rankLegend} aria-hidden="true">
        Shaded cells: how many put the item 1st, 2nd, … {ordinal(positions)}.
      </p>
      <DataTable
        caption="Average position per item"
        columns={['Item', 'Average position', ...(showCorrect ? ['Correct position'] : [])]}
        rows={tally.items.map((item) => ({
          key: item.id,
          cells: [
            item.label,
            item.average === null ? '–' : formatMean(item.average),
            ...(showCorrect ? [item.correctPosition ?? '–'] : []),
          ],
        }))}
      />
      <DataTable
        caption="Responses per item and position"
        columns={['Item', ...positionColumns]}
        rows={tally.items.map((item) => ({ key: item.id, cells: [item.label, ...item.counts] }))}
      />
    </>
  );
}
