import * as z from 'zod/mini';
import { idSchema } from '../protocol/ids.ts';
import { defineKind, idSet, storedAsIs } from './kind.ts';
import {
  checkUniqueIds,
  imageAltSchema,
  imageUrlSchema,
  inRegion,
  labelledSchema,
  pointSchema,
  questionBase,
  regionSchema,
} from './common.ts';
import { idListedIn, pointRules } from './rules-kit.ts';

/** Pear Deck's "draggable": students place 1–5 labelled markers on the slide's image. */
export const DRAGGABLE_LIMITS = { markersMin: 1, markersMax: 5, markerLabelMax: 40 } as const;

const markerSchema = z.object({
  ...labelledSchema(DRAGGABLE_LIMITS.markerLabelMax, 'Each marker needs a label.').shape,
  /** Where the marker belongs; markers without one are not graded. */
  target: z.optional(regionSchema),
});

export const draggableQuestionSchema = z
  .object({
    kind: z.literal('draggable'),
    ...questionBase,
    imageUrl: imageUrlSchema,
    imageAlt: imageAltSchema,
    markers: z
      .array(markerSchema)
      .check(
        z.minLength(DRAGGABLE_LIMITS.markersMin, 'Add a marker.'),
        z.maxLength(DRAGGABLE_LIMITS.markersMax),
      ),
  })
  .check(
    z.superRefine((q, ctx) => {
      checkUniqueIds(
        ctx,
        q.markers.map((m) => m.id),
        ['markers'],
        'Marker ids must be unique.',
      );
    }),
  );

export const draggableAnswerSchema = z.object({
  kind: z.literal('draggable'),
  /** markerId → where the student put it. */
  positions: z
    .record(idSchema, pointSchema)
    .check(
      z.refine(
        (p) => Object.keys(p).length <= DRAGGABLE_LIMITS.markersMax,
        'Too many markers placed.',
      ),
    ),
});

export const draggable = defineKind({
  kind: 'draggable',
  question: draggableQuestionSchema,
  answer: draggableAnswerSchema,
  limits: DRAGGABLE_LIMITS,
  problem: (q, a) => {
    const markers = new Set(q.markers.map((m) => m.id));
    const placed = Object.keys(a.positions);
    if (placed.some((id) => !markers.has(id))) return 'That marker does not exist.';
    if (placed.length < markers.size) return 'Place every marker on the image.';
    return null;
  },
  gradable: (q) => q.markers.some((m) => m.target),
  // Per marker: the share of graded markers placed inside their target.
  score: (q, a) => {
    const graded = q.markers.filter((m) => m.target);
    if (graded.length === 0) return null;
    const hits = graded.filter((m) => {
      const at = a.positions[m.id];
      return at !== undefined && m.target !== undefined && inRegion(at, m.target);
    });
    return hits.length / graded.length;
  },
  hideCorrect: (q) => ({ ...q, markers: q.markers.map(({ target: _hidden, ...m }) => m) }),
  gate: (q) => ({ markerIds: idSet(q.markers) }),
  rules: {
    positions: {
      '.validate': 'newData.hasChildren()',
      $markerId: {
        ...pointRules,
        '.validate': `${idListedIn('markerIds', '$markerId')} && ${pointRules['.validate'] as string}`,
      },
    },
  },
  requiredField: 'positions',
  ...storedAsIs,
});
