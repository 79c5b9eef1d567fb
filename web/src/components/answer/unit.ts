/**
 * Clamps a normalized coordinate to [0..1] and rounds it to three decimals: 1 px on a 1000 px
 * image, and short enough in JSON that a full drawing stays under the protocol's byte limit.
 */
export function toUnit(v: number): number {
  return Math.round(Math.min(1, Math.max(0, v)) * 1000) / 1000;
}
