/**
 * Questions and answers are defined kind by kind in `../kinds/` (one module per kind, DESIGN.md
 * convention 11); the protocol re-exports them so clients import one module.
 */
export * from '../kinds/index.ts';

import type { Question } from '../kinds/index.ts';

/** What a question with a correct answer and no points of its own is worth. */
export const DEFAULT_POINTS = 1;

/** What a correct answer to this question earns (before quiz mode's speed bonus). */
export function questionPoints(question: Question): number {
  return question.points ?? DEFAULT_POINTS;
}
