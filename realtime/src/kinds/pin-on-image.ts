import * as z from 'zod/mini';
import { defineKind, storedAsIs } from './kind.ts';
import {
  imageAltSchema,
  imageUrlSchema,
  inRegion,
  questionBase,
  regionSchema,
  unitSchema,
  without,
} from './common.ts';
import { unitNumber } from './rules-kit.ts';

export const PIN_LIMITS = { pinTargetsMax: 5 } as const;

export const pinOnImageQuestionSchema = z.object({
  kind: z.literal('pin-on-image'),
  ...questionBase,
  imageUrl: imageUrlSchema,
  imageAlt: imageAltSchema,
  /** Regions that count as correct (a pin in any of them), drawn on the image in the editor. */
  targets: z.optional(z.array(regionSchema).check(z.maxLength(PIN_LIMITS.pinTargetsMax))),
});

export const pinAnswerSchema = z.object({
  kind: z.literal('pin-on-image'),
  x: unitSchema,
  y: unitSchema,
});

export const pinOnImage = defineKind({
  kind: 'pin-on-image',
  question: pinOnImageQuestionSchema,
  answer: pinAnswerSchema,
  limits: PIN_LIMITS,
  problem: () => null,
  gradable: (q) => (q.targets?.length ?? 0) > 0,
  score: (q, a) => (q.targets?.length ? (q.targets.some((t) => inRegion(a, t)) ? 1 : 0) : null),
  hideCorrect: (q) => without(q, 'targets'),
  gate: () => ({}),
  rules: { x: { '.validate': unitNumber }, y: { '.validate': unitNumber } },
  requiredField: 'x',
  ...storedAsIs,
});
