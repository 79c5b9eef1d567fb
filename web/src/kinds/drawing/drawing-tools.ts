/**
 * Pen colours and sizes. Colours are dark enough for 3:1 contrast on white, so every stroke is
 * visible to students with low vision and on a washed-out projector.
 */
export const PEN_COLOURS = [
  { name: 'Black', hex: '#111827' },
  { name: 'Blue', hex: '#1d4ed8' },
  { name: 'Red', hex: '#dc2626' },
  { name: 'Green', hex: '#15803d' },
  { name: 'Orange', hex: '#c2410c' },
  { name: 'Purple', hex: '#7c3aed' },
] as const;

/** Widths are CSS pixels on a canvas STROKE_REFERENCE_WIDTH wide; see paint-strokes.ts. */
export const PEN_SIZES = [
  { name: 'Thin', width: 3 },
  { name: 'Medium', width: 6 },
  { name: 'Thick', width: 12 },
] as const;
