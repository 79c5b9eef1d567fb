import { useMemo } from 'react';
import { DataTable } from '../../components/results/DataTable.tsx';
import { formatPercent } from '../../components/results/format.ts';
import { PinMap } from '../../components/results/PinMap.tsx';
import type { KindResultsProps } from '../kind.ts';
import { tallyMarkers } from './aggregate.ts';
import { inTargetShare, markerSummary, whereText } from './summary.ts';

/**
 * A heat map per marker, side by side (small multiples: no picker, so the projector shows them
 * all and the report renders without state), each target outlined once revealed, and one table
 * for all markers: how many placed it, the share in its target, and where they put it.
 */
export function DraggableResults({
  question,
  entries,
  size,
  correctRevealed,
  classes,
}: KindResultsProps<'draggable'>) {
  const tally = useMemo(() => tallyMarkers(question, entries), [question, entries]);
  const showCorrect = correctRevealed && tally.markers.some((m) => m.target);
  return (
    <>
      <ul className={classes.markerMaps}>
        {tally.markers.map((marker, index) => {
          const share = inTargetShare(marker, showCorrect);
          return (
            <li key={marker.id}>
              <p className={classes.markerMapTitle}>
                {index + 1}. {marker.label}
              </p>
              <PinMap
                imageUrl={question.imageUrl}
                pins={marker.pins}
                regions={marker.regions}
                summary={markerSummary(question.imageAlt, marker, showCorrect)}
                size={size}
                classes={classes}
                targets={showCorrect && marker.target ? [marker.target] : undefined}
                table={false}
              />
              {share !== null ? (
                <p className={classes.markerMapNote}>{formatPercent(share)} in its target</p>
              ) : null}
            </li>
          );
        })}
      </ul>
      <DataTable
        caption="Where each marker was placed"
        columns={['Marker', 'Placed', ...(showCorrect ? ['In target'] : []), 'Where (areas)']}
        rows={tally.markers.map((marker) => {
          const share = inTargetShare(marker, showCorrect);
          return {
            key: marker.id,
            cells: [
              marker.label,
              marker.pins.length,
              ...(showCorrect ? [share === null ? 'Not graded' : formatPercent(share)] : []),
              whereText(marker.regions),
            ],
          };
        })}
      />
    </>
  );
}
