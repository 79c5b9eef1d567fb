import type { Region } from '@classpulse/realtime/protocol';
import { useMemo } from 'react';
import type { ResultsClasses } from './classes.ts';
import { DataTable } from './DataTable.tsx';
import { pinDots, type Pin } from './pin-map.ts';
import { useResultsText } from './results-text.ts';
import { namedRegions } from './summaries.ts';

export interface PinMapProps {
  imageUrl: string;
  pins: readonly Pin[];
  /** Pins per ninth of the image (`pinRegions`): the map's data table. */
  regions: number[][];
  /** What the map shows, in one sentence: its text alternative. */
  summary: string;
  size: 'dashboard' | 'projector';
  classes: ResultsClasses;
  /** Correct areas to outline (once revealed); their count is in the summary. */
  targets?: readonly Region[] | undefined;
  /** False when the caller gives one data table for several maps (draggable's markers). */
  table?: boolean;
}

const percent = (v: number) => `${(v * 100).toFixed(2)}%`;

const HALO_OPACITY = 0.16;
const CORE_OPACITY = 0.55;
/** The opacity of `weight` translucent dots stacked on one spot. */
const stacked = (opacity: number, weight: number) => (1 - (1 - opacity) ** weight).toFixed(3);

/**
 * The image with every pin as a translucent dot: where many overlap the colour deepens, which
 * reads as a heat map without computing one. Positions are SVG percentages over the image, so
 * dots stay round whatever the image's aspect ratio.
 */
export function PinMap({
  imageUrl,
  pins,
  regions,
  summary,
  size,
  classes,
  targets,
  table = true,
}: PinMapProps) {
  const text = useResultsText();
  const dots = useMemo(() => pinDots(pins), [pins]);
  const radius = size === 'projector' ? 12 : 7;
  return (
    <>
      <div className={classes.pinFrame}>
        {/* Positions on the picture are the picture's own: never mirrored in right-to-left pages. */}
        <div role="img" aria-label={summary} className={classes.pinMap} dir="ltr">
          {/* Decorative here: the image is described by the chart's own label. A plain img: the
            teacher's URL is not known to next/image's allow-list. */}
          <img src={imageUrl} alt="" className={classes.pinImage} />
          <svg className={classes.pinOverlay} aria-hidden="true" focusable="false">
            {targets?.map((t, i) => (
              <rect
                key={i}
                className={classes.pinTarget}
                x={percent(t.x)}
                y={percent(t.y)}
                width={percent(t.width)}
                height={percent(t.height)}
              />
            ))}
            <g className={classes.pinHalo}>
              {dots.map((dot, i) => (
                <circle
                  key={i}
                  cx={percent(dot.x)}
                  cy={percent(dot.y)}
                  r={radius * 2.2}
                  fillOpacity={stacked(HALO_OPACITY, dot.weight)}
                />
              ))}
            </g>
            <g className={classes.pinCore}>
              {dots.map((dot, i) => (
                <circle
                  key={i}
                  cx={percent(dot.x)}
                  cy={percent(dot.y)}
                  r={radius}
                  fillOpacity={stacked(CORE_OPACITY, dot.weight)}
                />
              ))}
            </g>
          </svg>
        </div>
      </div>
      {table ? (
        <DataTable
          caption={text.t('pins.caption')}
          columns={[text.t('pins.areaColumn'), text.t('pins.pinsColumn')]}
          rows={namedRegions(regions, text).map(({ name, count }) => ({
            key: name,
            cells: [name, count],
          }))}
        />
      ) : null}
    </>
  );
}
