import type { Point, Region } from '@classpulse/realtime/protocol';

/** Target regions on an image, as the region editor draws and edits them (normalized 0..1). */

/** The smallest side a region may have: a 1% sliver is still hittable by a careful pin. */
export const MIN_REGION_SIDE = 0.01;

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));
/** Four decimals: a hundredth of a percent, short in the saved deck. */
const round = (v: number) => Math.round(v * 10000) / 10000;

/** The rectangle spanned by a drag from `a` to `b` (either direction), on the image. */
export function regionFromDrag(a: Point, b: Point): Region {
  const x = clamp(Math.min(a.x, b.x), 0, 1);
  const y = clamp(Math.min(a.y, b.y), 0, 1);
  return {
    x: round(x),
    y: round(y),
    width: round(clamp(Math.max(a.x, b.x), 0, 1) - x),
    height: round(clamp(Math.max(a.y, b.y), 0, 1) - y),
  };
}

/** Big enough to keep: a click without a drag draws nothing. */
export const isDrawnRegion = (r: Region): boolean =>
  r.width >= MIN_REGION_SIDE && r.height >= MIN_REGION_SIDE;

export type RegionSide = keyof Region;

/**
 * The region with one side set from a percent field, kept on the image: moving an edge shrinks
 * the size when needed, and a size never pushes past the right or bottom edge.
 */
export function withRegionPercent(region: Region, side: RegionSide, percent: number): Region {
  const v = percent / 100;
  switch (side) {
    case 'x': {
      const x = clamp(v, 0, 1 - MIN_REGION_SIDE);
      return { ...region, x: round(x), width: round(Math.min(region.width, 1 - x)) };
    }
    case 'y': {
      const y = clamp(v, 0, 1 - MIN_REGION_SIDE);
      return { ...region, y: round(y), height: round(Math.min(region.height, 1 - y)) };
    }
    case 'width':
      return { ...region, width: round(clamp(v, MIN_REGION_SIDE, 1 - region.x)) };
    case 'height':
      return { ...region, height: round(clamp(v, MIN_REGION_SIDE, 1 - region.y)) };
  }
}

/** A value as the percent fields show it: at most one decimal. */
export const regionPercent = (v: number): number => Math.round(v * 1000) / 10;

/** "from 20% to 40% across, 10% to 30% down": a region in words. */
export function describeRegion(r: Region): string {
  const p = (v: number) => `${Math.round(v * 100)}%`;
  return `from ${p(r.x)} to ${p(r.x + r.width)} across, ${p(r.y)} to ${p(r.y + r.height)} down`;
}

/** A region's edges in whole percents of the image, for words in any language. */
export function regionPercents(r: Region): {
  left: number;
  right: number;
  top: number;
  bottom: number;
} {
  const p = (v: number) => Math.round(v * 100);
  return { left: p(r.x), right: p(r.x + r.width), top: p(r.y), bottom: p(r.y + r.height) };
}

/** Where a keyboard user's new region starts: the middle half of the image. */
export const DEFAULT_REGION: Region = { x: 0.25, y: 0.25, width: 0.5, height: 0.5 };
