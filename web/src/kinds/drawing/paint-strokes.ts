import { LIMITS } from '@classpulse/realtime/protocol';
import type { Stroke } from './kind.ts';

/**
 * Stroke widths are authored against a canvas this many CSS pixels wide and scale with the
 * canvas, so a drawing looks the same on a phone, a Chromebook and the projector.
 */
export const STROKE_REFERENCE_WIDTH = LIMITS.drawingReferenceWidth;

export function scaledLineWidth(width: number, canvasWidth: number): number {
  return (width * canvasWidth) / STROKE_REFERENCE_WIDTH;
}

/** Paints one stroke; a single point becomes a dot. Coordinates are normalized [0..1]. */
export function paintStroke(
  ctx: CanvasRenderingContext2D,
  stroke: Stroke,
  width: number,
  height: number,
): void {
  const { points } = stroke;
  const lineWidth = scaledLineWidth(stroke.width, width);
  ctx.strokeStyle = stroke.color;
  ctx.fillStyle = stroke.color;
  ctx.lineWidth = lineWidth;
  ctx.lineCap = 'round';
  ctx.lineJoin = 'round';
  ctx.beginPath();
  if (points.length <= 2) {
    ctx.arc((points[0] ?? 0) * width, (points[1] ?? 0) * height, lineWidth / 2, 0, Math.PI * 2);
    ctx.fill();
    return;
  }
  ctx.moveTo((points[0] ?? 0) * width, (points[1] ?? 0) * height);
  for (let i = 2; i + 1 < points.length; i += 2) {
    ctx.lineTo((points[i] ?? 0) * width, (points[i + 1] ?? 0) * height);
  }
  ctx.stroke();
}

/** Clears the canvas and paints every stroke at its current CSS size. */
export function paintStrokes(
  ctx: CanvasRenderingContext2D,
  strokes: readonly Stroke[],
  width: number,
  height: number,
): void {
  ctx.clearRect(0, 0, width, height);
  for (const stroke of strokes) paintStroke(ctx, stroke, width, height);
}
