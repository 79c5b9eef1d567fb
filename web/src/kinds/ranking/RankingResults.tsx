import { useMemo } from 'react';
import { cn } from '../../components/results/classes.ts';
import { DataTable } from '../../components/results/DataTable.tsx';
import { useResultsText } from '../../components/results/results-text.ts';
import type { KindResultsProps } from '../kind.ts';
import { tallyRanking } from './aggregate.ts';
import { rankingSummary } from './summary.ts';

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
  const text = useResultsText();
  const { t, f } = text;
  /** 1st, 2nd, 3rd, 4th … 11th, 12th, 13th … 21st, as the locale says it. */
  const ordinal = (n: number) => t('ranking.ordinal', { n });
  const tally = useMemo(() => tallyRanking(question, entries), [question, entries]);
  const showCorrect = correctRevealed && question.correctOrder !== undefined;
  const positions = question.items.length;
  const most = Math.max(1, ...tally.items.flatMap((item) => item.counts));
  const positionColumns = Array.from({ length: positions }, (_, i) => ordinal(i + 1));
  return (
    <>
      <div
        role="img"
        aria-label={rankingSummary(tally, showCorrect, text)}
        className={classes.rankChart}
      >
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
              {item.average === null ? '–' : t('ranking.average', { value: f.mean(item.average) })}
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
                    {count > 0 ? f.number(count) : ''}
                  </text>
                </g>
              ))}
            </svg>
          </div>
        ))}
      </div>
      <p className={classes.rankLegend} aria-hidden="true">
        {t('ranking.legend', { last: ordinal(positions) })}
      </p>
      <DataTable
        caption={t('ranking.averageCaption')}
        columns={[
          t('ranking.itemColumn'),
          t('ranking.averageColumn'),
          ...(showCorrect ? [t('ranking.correctPositionColumn')] : []),
        ]}
        rows={tally.items.map((item) => ({
          key: item.id,
          cells: [
            item.label,
            item.average === null ? '–' : f.mean(item.average),
            ...(showCorrect ? [item.correctPosition ?? '–'] : []),
          ],
        }))}
      />
      <DataTable
        caption={t('ranking.countsCaption')}
        columns={[t('ranking.itemColumn'), ...positionColumns]}
        rows={tally.items.map((item) => ({ key: item.id, cells: [item.label, ...item.counts] }))}
      />
    </>
  );
}
