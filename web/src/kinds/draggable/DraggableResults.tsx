import { useMemo } from 'react';
import { DataTable } from '../../components/results/DataTable.tsx';
import { PinMap } from '../../components/results/PinMap.tsx';
import { useResultsText } from '../../components/results/results-text.ts';
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
  const text = useResultsText();
  const { t, f } = text;
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
                summary={markerSummary(question.imageAlt, marker, showCorrect, text)}
                size={size}
                classes={classes}
                targets={showCorrect && marker.target ? [marker.target] : undefined}
                table={false}
              />
              {share !== null ? (
                <p className={classes.markerMapNote}>
                  {t('marker.inTarget', { percent: f.percent(share) })}
                </p>
              ) : null}
            </li>
          );
        })}
      </ul>
      <DataTable
        caption={t('marker.caption')}
        columns={[
          t('marker.markerColumn'),
          t('marker.placedColumn'),
          ...(showCorrect ? [t('marker.inTargetColumn')] : []),
          t('marker.whereColumn'),
        ]}
        rows={tally.markers.map((marker) => {
          const share = inTargetShare(marker, showCorrect);
          return {
            key: marker.id,
            cells: [
              marker.label,
              marker.pins.length,
              ...(showCorrect ? [share === null ? t('notGraded') : f.percent(share)] : []),
              whereText(marker.regions, text),
            ],
          };
        })}
      />
    </>
  );
}
