import { z } from 'zod';
import { idSchema } from './ids.ts';
import { LIMITS } from './limits.ts';
import { questionSchema } from './questions.ts';

export const slideSchema = z.object({
  id: idSchema,
  title: z.string().trim().max(LIMITS.slideTitleMax).default(''),
  body: z.string().max(LIMITS.slideBodyMax).default(''),
  /** A slide is content plus at most one question. */
  question: questionSchema.optional(),
});

export const deckSchema = z
  .object({
    title: z.string().trim().min(1, 'Give the deck a title.').max(LIMITS.deckTitleMax),
    slides: z.array(slideSchema).min(1, 'Add a slide.').max(LIMITS.slidesMax),
  })
  .refine((d) => new Set(d.slides.map((s) => s.id)).size === d.slides.length, {
    path: ['slides'],
    message: 'Slide ids must be unique.',
  });

export type Slide = z.output<typeof slideSchema>;
export type Deck = z.output<typeof deckSchema>;
export type DeckInput = z.input<typeof deckSchema>;

export const pacingSchema = z.enum(['instructor', 'student']);
/** What happens to a student who joins after the class has started. */
export const latePolicySchema = z.enum(['allow', 'deny', 'next-slide']);
export const revealModeSchema = z.enum(['hidden', 'anonymous', 'named']);

export type Pacing = z.output<typeof pacingSchema>;
export type LatePolicy = z.output<typeof latePolicySchema>;
export type RevealMode = z.output<typeof revealModeSchema>;

export const sessionSettingsSchema = z.object({
  pacing: pacingSchema.default('instructor'),
  latePolicy: latePolicySchema.default('allow'),
});
export type SessionSettings = z.output<typeof sessionSettingsSchema>;

/** Body of `POST /v1/sessions`. */
export const createSessionRequestSchema = z.object({
  deck: deckSchema,
  settings: sessionSettingsSchema.default({ pacing: 'instructor', latePolicy: 'allow' }),
});
export type CreateSessionRequest = z.input<typeof createSessionRequestSchema>;
