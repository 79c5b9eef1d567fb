/** Where pins are on an image, for the PinMap heat map and its text alternative. */

export interface Pin {
  x: number;
  y: number;
}

/** Ninths of an image, as `pinRegions` counts them: keys of `kinds.results.regions`. */
export const REGION_KEYS = [
  ['topLeft', 'topMiddle', 'topRight'],
  ['middleLeft', 'center', 'middleRight'],
  ['bottomLeft', 'bottomMiddle', 'bottomRight'],
] as const;
export type RegionKey = (typeof REGION_KEYS)[number][number];

export interface PinDot extends Pin {
  /** How many pins this dot stands for. */
  weight: number;
}

/**
 * Dots to draw. Up to `max` pins each get their own dot; beyond that (a lecture hall, a load
 * test) pins are merged per cell of a grid x grid raster, so the SVG stays a few thousand
 * elements, and the view darkens a dot by its weight exactly as stacked dots would.
 */
export function pinDots(pins: readonly Pin[], max = 400, grid = 48): PinDot[] {
  if (pins.length <= max) return pins.map((p) => ({ ...p, weight: 1 }));
  const cells = new Map<number, PinDot>();
  for (const pin of pins) {
    const col = Math.min(grid - 1, Math.floor(pin.x * grid));
    const row = Math.min(grid - 1, Math.floor(pin.y * grid));
    const cell = cells.get(row * grid + col);
    if (cell) cell.weight += 1;
    else cells.set(row * grid + col, { x: (col + 0.5) / grid, y: (row + 0.5) / grid, weight: 1 });
  }
  return [...cells.values()];
}

/**
 * Pins per ninth of the image, rows top to bottom and columns left to right: the text
 * alternative of a heat map ("most pins in the top left").
 */
export function pinRegions(pins: readonly Pin[]): number[][] {
  const grid = [
    [0, 0, 0],
    [0, 0, 0],
    [0, 0, 0],
  ];
  const third = (v: number) => Math.min(2, Math.max(0, Math.floor(v * 3)));
  for (const pin of pins) grid[third(pin.y)]![third(pin.x)]! += 1;
  return grid;
}
