import { formatCount, formatList } from '../../components/results/format.ts';
import { REGION_NAMES } from '../../components/results/pin-map.ts';

/** The heat map's text alternative (aria-label); pins per area are in its data table. */
export function pinSummary(imageAlt: string, pinCount: number, regions: number[][]): string {
  if (pinCount === 0) return `${imageAlt}. No pins yet.`;
  const cells = regions.flatMap((row, r) =>
    row.map((count, c) => ({ count, name: REGION_NAMES[r]?.[c] ?? '' })),
  );
  const top = Math.max(...cells.map((cell) => cell.count));
  const busiest = cells.filter((cell) => cell.count === top).map((cell) => cell.name);
  return `${imageAlt}, with ${formatCount(pinCount, 'pin')}. Most pins: ${formatList(busiest)} (${top}${busiest.length > 1 ? ' each' : ''}).`;
}
