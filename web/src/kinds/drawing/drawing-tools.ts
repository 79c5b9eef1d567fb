/**
 * Pen colours and sizes; `name` is the key of its words in the `kinds` catalog (drawing.colours/sizes). Colours are dark enough for 3:1 contrast on white, so every stroke is
 * visible to students with low vision and on a washed-out projector.
 */
export const PEN_COLOURS = [
  { name: 'black', hex: '#111827' },
  { name: 'blue', hex: '#1d4ed8' },
  { name: 'red', hex: '#dc2626' },
  { name: 'green', hex: '#15803d' },
  { name: 'orange', hex: '#c2410c' },
  { name: 'purple', hex: '#7c3aed' },
] as const;

/** Widths are CSS pixels on a canvas STROKE_REFERENCE_WIDTH wide; see paint-strokes.ts. */
export const PEN_SIZES = [
  { name: 'thin', width: 3 },
  { name: 'medium', width: 6 },
  { name: 'thick', width: 12 },
] as const;
