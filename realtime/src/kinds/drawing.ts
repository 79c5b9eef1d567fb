import * as z from 'zod/mini';
import { defineKind } from './kind.ts';
import { imageUrlSchema, questionBase, unitSchema } from './common.ts';
import { stringOf } from './rules-kit.ts';

export const DRAWING_LIMITS = {
  drawingStrokesMax: 200,
  drawingPointsMax: 4_000,
  drawingStrokeWidthMax: 40,
  /**
   * Drawings are 4:3; stroke widths are CSS pixels on a canvas this wide, so every screen that
   * replays a drawing (student pad, dashboard, projector) scales them the same way.
   */
  drawingReferenceWidth: 600,
  drawingReferenceHeight: 450,
  /** Serialized size of one drawing answer. */
  drawingAnswerBytesMax: 48 * 1024,
} as const;

export const drawingQuestionSchema = z.object({
  kind: z.literal('drawing'),
  ...questionBase,
  backgroundImageUrl: z.optional(imageUrlSchema),
});

export const strokeSchema = z.object({
  color: z.string().check(z.regex(/^#[0-9a-fA-F]{6}$/)),
  width: z.number().check(z.minimum(0.5), z.maximum(DRAWING_LIMITS.drawingStrokeWidthMax)),
  /** Flat [x0, y0, x1, y1, …] in normalized canvas coordinates, so any screen size can replay it. */
  points: z.array(unitSchema).check(
    z.minLength(2),
    z.maxLength(DRAWING_LIMITS.drawingPointsMax * 2),
    z.refine((p) => p.length % 2 === 0, 'Points come in x,y pairs.'),
  ),
});

export const drawingAnswerSchema = z
  .object({
    kind: z.literal('drawing'),
    strokes: z
      .array(strokeSchema)
      .check(
        z.minLength(1, 'Draw something first.'),
        z.maxLength(DRAWING_LIMITS.drawingStrokesMax),
      ),
  })
  .check(
    z.refine(
      (a) =>
        a.strokes.reduce((n, s) => n + s.points.length / 2, 0) <= DRAWING_LIMITS.drawingPointsMax,
      { path: ['strokes'], message: 'The drawing has too many points.' },
    ),
  );

/** A free drawing: nothing to grade. */
export const drawing = defineKind({
  kind: 'drawing',
  question: drawingQuestionSchema,
  answer: drawingAnswerSchema,
  limits: DRAWING_LIMITS,
  problem: (_q, a) =>
    JSON.stringify(a).length > DRAWING_LIMITS.drawingAnswerBytesMax
      ? 'The drawing is too large.'
      : null,
  gradable: () => false,
  score: () => null,
  hideCorrect: (q) => q,
  gate: () => ({}),
  rules: {
    strokes: {
      // Drawings are stored as one JSON string: thousands of points as database children would
      // make every read and every rule evaluation slow. Its shape is checked when it is read.
      '.validate': stringOf(DRAWING_LIMITS.drawingAnswerBytesMax, 2),
    },
  },
  requiredField: 'strokes',
  encode: (answer) => ({ kind: answer.kind, strokes: JSON.stringify(answer.strokes) }),
  decode: (node) => {
    if (typeof node.strokes !== 'string') return node;
    try {
      return { ...node, strokes: JSON.parse(node.strokes) as unknown };
    } catch {
      return { ...node, strokes: null };
    }
  },
});
