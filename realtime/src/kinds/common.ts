import * as z from 'zod/mini';
import { idSchema } from '../protocol/ids.ts';
import { LIMITS } from '../protocol/limits.ts';

/** Schema pieces several kinds share. */

export const promptSchema = z
  .string()
  .check(z.trim(), z.minLength(1, 'Write the question.'), z.maxLength(LIMITS.promptMax));

/**
 * What a fully correct answer earns. Optional: a question without points counts one point once it
 * has a correct answer (a gradebook's default).
 */
export const pointsSchema = z.optional(
  z.int().check(z.minimum(0), z.maximum(LIMITS.pointsMax, `At most ${LIMITS.pointsMax} points.`)),
);

/** The fields every question has: the prompt and its points. */
export const questionBase = { prompt: promptSchema, points: pointsSchema };

/** Image references are relative app paths or https URLs; never javascript:, data: or http:. */
export const imageUrlSchema = z.string().check(
  z.maxLength(LIMITS.urlMax),
  z.refine(
    (u) => u.startsWith('/') || u.startsWith('https://'),
    'Use an uploaded image or an https URL.',
  ),
);

/** The text alternative of an image, for screen readers (required wherever an image means something). */
export const imageAltSchema = z
  .string()
  .check(
    z.trim(),
    z.minLength(1, 'Describe the image for screen readers.'),
    z.maxLength(LIMITS.promptMax),
  );

/** An item with a text label: an option, a ranking item, a group, a marker. */
export function labelledSchema(max: number, emptyMessage: string) {
  return z.object({
    id: idSchema,
    label: z.string().check(z.trim(), z.minLength(1, emptyMessage), z.maxLength(max)),
  });
}

/** A number from 0 to 1: a position on an image, as a share of its width or height. */
export const unitSchema = z.number().check(z.minimum(0), z.maximum(1));

export const pointSchema = z.object({ x: unitSchema, y: unitSchema });
export type Point = z.output<typeof pointSchema>;

/** Edges count as inside, with a hair of float slack (0.7 + 0.2 is just below 0.9). */
const EDGE_SLACK = 1e-9;

/** A rectangle on an image in normalized coordinates: a target region drawn in the editor. */
export const regionSchema = z
  .object({
    x: unitSchema,
    y: unitSchema,
    width: z.number().check(z.positive(), z.maximum(1)),
    height: z.number().check(z.positive(), z.maximum(1)),
  })
  .check(
    z.refine((r) => r.x + r.width <= 1 + EDGE_SLACK && r.y + r.height <= 1 + EDGE_SLACK, {
      message: 'A target region must lie on the image.',
    }),
  );
export type Region = z.output<typeof regionSchema>;

export function inRegion(point: Point, region: Region): boolean {
  return (
    point.x >= region.x - EDGE_SLACK &&
    point.x <= region.x + region.width + EDGE_SLACK &&
    point.y >= region.y - EDGE_SLACK &&
    point.y <= region.y + region.height + EDGE_SLACK
  );
}

/** Adds an issue at `path` when the listed ids repeat. */
export function checkUniqueIds(
  ctx: { addIssue: (issue: { code: 'custom'; path: PropertyKey[]; message: string }) => void },
  ids: readonly string[],
  path: PropertyKey[],
  message: string,
): Set<string> {
  const set = new Set(ids);
  if (set.size !== ids.length) ctx.addIssue({ code: 'custom', path, message });
  return set;
}

/** A stable pseudo-random order of ids (FNV-1a of each id), so an authored order does not leak. */
export function scrambled<T extends { id: string }>(items: readonly T[]): T[] {
  const hash = (s: string) => {
    let h = 0x811c9dc5;
    for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193) >>> 0;
    return h;
  };
  return [...items].sort((a, b) => hash(a.id) - hash(b.id) || (a.id < b.id ? -1 : 1));
}

/** Removes `key` from a question (a correct answer before it is revealed). */
export function without<Q extends object, K extends keyof Q>(question: Q, key: K): Q {
  if (!(key in question)) return question;
  const copy = { ...question };
  delete copy[key];
  return copy;
}
