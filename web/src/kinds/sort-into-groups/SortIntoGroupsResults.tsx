import { useMemo } from 'react';
import { cn } from '../../components/results/classes.ts';
import { DataTable } from '../../components/results/DataTable.tsx';
import { useResultsText } from '../../components/results/results-text.ts';
import type { KindResultsProps } from '../kind.ts';
import { tallySort } from './aggregate.ts';
import { sortSummary } from './summary.ts';

/**
 * Sort into groups: per item a bar split by the groups students put it in (a colour per group,
 * named in the legend and in each row's counts), the correct group marked once revealed, with the
 * share that got it right.
 */
export function SortIntoGroupsResults({
  question,
  entries,
  correctRevealed,
  classes,
}: KindResultsProps<'sort-into-groups'>) {
  const text = useResultsText();
  const { t, f } = text;
  const tally = useMemo(() => tallySort(question, entries), [question, entries]);
  const showCorrect = correctRevealed && tally.items.some((item) => item.correctGroupId !== null);
  const colour = (i: number) => classes[`colour${(i % 6) + 1}`];
  return (
    <>
      <div
        role="img"
        aria-label={sortSummary(tally, showCorrect, text)}
        className={classes.sortChart}
      >
        <ul className={classes.sortLegend}>
          {tally.groups.map((group, i) => (
            <li key={group.id} className={classes.sortLegendItem}>
              <svg className={cn(classes.sortSwatch, colour(i))} aria-hidden="true">
                <rect width="100%" height="100%" rx="3" fill="currentColor" />
              </svg>
              {group.label}
            </li>
          ))}
        </ul>
        {tally.items.map((item) => {
          let start = 0;
          return (
            <div key={item.id} className={classes.sortRow}>
              <div className={classes.barLabel}>
                <span className={classes.barLabelText}>{item.label}</span>
                {showCorrect && item.correctGroupId !== null ? (
                  <span className={classes.correctBadge}>
                    <span aria-hidden="true">✓</span>{' '}
                    {tally.groups.find((g) => g.id === item.correctGroupId)?.label}
                    {item.correctShare !== null
                      ? ` · ${t('sort.right', { percent: f.percent(item.correctShare) })}`
                      : ''}
                  </span>
                ) : null}
              </div>
              <svg className={classes.barTrack} aria-hidden="true" focusable="false">
                <rect className={classes.trackFill} width="100%" height="100%" rx="6" />
                {item.counts.map((count, i) => {
                  if (count === 0 || item.placed === 0) return null;
                  const x = start;
                  const width = (count / item.placed) * 100;
                  start += width;
                  const wrong =
                    showCorrect &&
                    item.correctGroupId !== null &&
                    tally.groups[i]?.id !== item.correctGroupId;
                  return (
                    <rect
                      key={i}
                      className={cn(colour(i), wrong && classes.sortWrong)}
                      x={`${x}%`}
                      width={`${width}%`}
                      height="100%"
                      fill="currentColor"
                    />
                  );
                })}
              </svg>
              <p className={classes.sortCounts}>
                {tally.groups.map((group, i) => (
                  <span key={group.id}>
                    {group.label} {f.number(item.counts[i] ?? 0)}
                  </span>
                ))}
              </p>
            </div>
          );
        })}
      </div>
      <DataTable
        caption={t('sort.caption')}
        columns={[
          t('sort.itemColumn'),
          ...tally.groups.map((g) => g.label),
          ...(showCorrect ? [t('sort.correctGroupColumn'), t('sort.percentCorrectColumn')] : []),
        ]}
        rows={tally.items.map((item) => ({
          key: item.id,
          cells: [
            item.label,
            ...item.counts,
            ...(showCorrect
              ? [
                  tally.groups.find((g) => g.id === item.correctGroupId)?.label ?? t('notGraded'),
                  item.correctShare === null ? '–' : f.percent(item.correctShare),
                ]
              : []),
          ],
        }))}
      />
    </>
  );
}
