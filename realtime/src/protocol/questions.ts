/**
 * Questions and answers are defined kind by kind in `../kinds/` (one module per kind, DESIGN.md
 * convention 11); the protocol re-exports them so clients import one module.
 */
export * from '../kinds/index.ts';

/** What a question with a correct answer and no points of its own is worth. */
export const DEFAULT_POINTS = 1;
