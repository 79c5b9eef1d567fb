import { busiestRegions, namedRegions } from '../../components/results/summaries.ts';
import type { ResultsText } from '../../components/results/results-text.ts';
import type { MarkerTally } from './aggregate.ts';

/** The areas a marker fell in, busiest first: "top left 3, center 1" (the data table's cell). */
export function whereText(regions: number[][], text: ResultsText): string {
  const cells = namedRegions(regions, text)
    .filter((cell) => cell.count > 0)
    .sort((a, b) => b.count - a.count);
  return cells.length === 0
    ? text.t('marker.nowhere')
    : cells
        .map((c) => text.t('marker.whereCell', { area: c.name, count: text.f.number(c.count) }))
        .join(text.t('separator'));
}

/** Share of a marker's placements inside its target, or null when that is not to be shown. */
export function inTargetShare(marker: MarkerTally, showCorrect: boolean): number | null {
  if (!showCorrect || marker.inTarget === null || marker.pins.length === 0) return null;
  return marker.inTarget / marker.pins.length;
}

/** One marker's map in one sentence: its text alternative (aria-label). */
export function markerSummary(
  imageAlt: string,
  marker: MarkerTally,
  showCorrect: boolean,
  text: ResultsText,
): string {
  const { t, f } = text;
  const name = t('marker.name', { marker: marker.label, image: imageAlt });
  if (marker.pins.length === 0) return t('marker.notPlaced', { name });
  const { areas, top, each } = busiestRegions(marker.regions, text);
  const share = inTargetShare(marker, showCorrect);
  const targetPart = share === null ? '' : t('marker.targetPart', { percent: f.percent(share) });
  return t('marker.summary', {
    name,
    count: marker.pins.length,
    n: f.number(marker.pins.length),
    areas,
    top: f.number(top),
    each: String(each),
    targetPart,
  });
}
