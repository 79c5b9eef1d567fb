import { formatCount, formatList, formatPercent } from '../../components/results/format.ts';
import { REGION_NAMES } from '../../components/results/pin-map.ts';
import type { MarkerTally } from './aggregate.ts';

/** The areas a marker fell in, busiest first: "top left 3, center 1" (the data table's cell). */
export function whereText(regions: number[][]): string {
  const cells = regions
    .flatMap((row, r) => row.map((count, c) => ({ count, name: REGION_NAMES[r]?.[c] ?? '' })))
    .filter((cell) => cell.count > 0)
    .sort((a, b) => b.count - a.count);
  return cells.length === 0 ? 'Nowhere yet' : cells.map((c) => `${c.name} ${c.count}`).join(', ');
}

/** Share of a marker's placements inside its target, or null when that is not to be shown. */
export function inTargetShare(marker: MarkerTally, showCorrect: boolean): number | null {
  if (!showCorrect || marker.inTarget === null || marker.pins.length === 0) return null;
  return marker.inTarget / marker.pins.length;
}

/** One marker's map in one sentence: its text alternative (aria-label). */
export function markerSummary(imageAlt: string, marker: MarkerTally, showCorrect: boolean): string {
  const name = `${marker.label} on ${imageAlt}`;
  if (marker.pins.length === 0) return `${name}. Not placed yet.`;
  const cells = marker.regions.flatMap((row, r) =>
    row.map((count, c) => ({ count, name: REGION_NAMES[r]?.[c] ?? '' })),
  );
  const top = Math.max(...cells.map((cell) => cell.count));
  const busiest = cells.filter((cell) => cell.count === top).map((cell) => cell.name);
  const share = inTargetShare(marker, showCorrect);
  const target = share === null ? '' : ` ${formatPercent(share)} in its target area.`;
  return `${name}, placed by ${formatCount(marker.pins.length, 'student')}. Most in: ${formatList(busiest)} (${top}${busiest.length > 1 ? ' each' : ''}).${target}`;
}
