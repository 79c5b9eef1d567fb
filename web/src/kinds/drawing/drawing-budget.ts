import { LIMITS } from '@classpulse/realtime/protocol';
import type { Stroke } from './kind.ts';

/**
 * What a drawing may still grow by before the protocol refuses it: strokes, points, and bytes of
 * the serialized answer (`answerProblem` checks `drawingAnswerBytesMax`). Checking while drawing
 * means the student sees "full" instead of a rejected answer.
 */
export interface DrawingBudget {
  strokes: number;
  points: number;
  bytes: number;
}

/** Longest point in JSON: "0.123,0.456," (coordinates are rounded to three decimals). */
export const MAX_POINT_BYTES = 12;

export function remainingBudget(strokes: readonly Stroke[]): DrawingBudget {
  const points = strokes.reduce((n, s) => n + s.points.length / 2, 0);
  const bytes = JSON.stringify({ kind: 'drawing', strokes }).length;
  return {
    strokes: LIMITS.drawingStrokesMax - strokes.length,
    points: LIMITS.drawingPointsMax - points,
    bytes: LIMITS.drawingAnswerBytesMax - bytes,
  };
}

/** Bytes a new, empty stroke adds: its object and the comma before it. */
export function strokeBytes(color: string, width: number): number {
  return JSON.stringify({ color, width, points: [] }).length + 1;
}

export function pointBytes(x: number, y: number): number {
  return String(x).length + String(y).length + 2;
}

/** Whether a stroke of at least one point still fits. */
export function canStartStroke(budget: DrawingBudget, color: string, width: number): boolean {
  return (
    budget.strokes >= 1 &&
    budget.points >= 1 &&
    budget.bytes >= strokeBytes(color, width) + MAX_POINT_BYTES
  );
}
