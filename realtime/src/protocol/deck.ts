import * as z from 'zod/mini';
import { idSchema } from './ids.ts';
import { LIMITS } from './limits.ts';
import { questionSchema } from './questions.ts';
import { imageUrlSchema } from '../kinds/common.ts';

const imageSide = z.int().check(z.minimum(1), z.maximum(LIMITS.imageSideMax));

/**
 * A slide's picture (an upload, or an imported page): shown on the student's device, the
 * dashboard and the projector above the question. Its size is kept so every screen can reserve
 * the space before the image arrives (no layout shift).
 */
export const slideImageSchema = z.object({
  url: imageUrlSchema,
  alt: z
    .string()
    .check(
      z.trim(),
      z.minLength(1, 'Describe the image for screen readers.'),
      z.maxLength(LIMITS.slideImageAltMax),
    ),
  width: imageSide,
  height: imageSide,
});
export type SlideImage = z.output<typeof slideImageSchema>;

export const slideSchema = z.object({
  id: idSchema,
  title: z._default(z.string().check(z.trim(), z.maxLength(LIMITS.slideTitleMax)), ''),
  body: z._default(z.string().check(z.maxLength(LIMITS.slideBodyMax)), ''),
  image: z.optional(slideImageSchema),
  /** Speaker notes: the teacher's only, never in a student's view. */
  notes: z.optional(z.string().check(z.maxLength(LIMITS.slideNotesMax))),
  question: z.optional(questionSchema),
});

/**
 * A deck's content language as a BCP 47 tag ("es", "en-US", "zh-Hant"): the `lang` of the slides'
 * text on every screen (screen readers pronounce it right), the projector's interface language and
 * the read-aloud voice. Absent: the teacher's interface language at the time (older decks: English).
 */
export const contentLanguageSchema = z
  .string()
  .check(
    z.maxLength(35),
    z.regex(/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8}){0,3}$/, 'Use a language tag like "en" or "es-MX".'),
  );

export const deckSchema = z
  .object({
    language: z.optional(contentLanguageSchema),
    title: z
      .string()
      .check(z.trim(), z.minLength(1, 'Give the deck a title.'), z.maxLength(LIMITS.deckTitleMax)),
    slides: z
      .array(slideSchema)
      .check(z.minLength(1, 'Add a slide.'), z.maxLength(LIMITS.slidesMax)),
  })
  .check(
    z.refine((d) => new Set(d.slides.map((s) => s.id)).size === d.slides.length, {
      path: ['slides'],
      message: 'Slide ids must be unique.',
    }),
  );

export type Slide = z.output<typeof slideSchema>;
export type Deck = z.output<typeof deckSchema>;
export type DeckInput = z.input<typeof deckSchema>;

export const pacingSchema = z.enum(['instructor', 'student']);
/** What happens to a student who joins after the class has started. */
export const latePolicySchema = z.enum(['allow', 'deny', 'next-slide']);
export const revealModeSchema = z.enum(['hidden', 'anonymous', 'named']);

/**
 * How the session's students sync: Firebase directly, or our realtime tier over socket.io
 * (`socket`). Firebase mode only; without Firebase every student is on the socket.
 */
export const studentTransportSchema = z.enum(['firebase', 'socket']);
/** Share (0–1) of a Firebase session's students that also open a shadow socket (dark launch). */
export const darkLaunchShareSchema = z.number().check(z.minimum(0), z.maximum(1));

export type Pacing = z.output<typeof pacingSchema>;
export type LatePolicy = z.output<typeof latePolicySchema>;
export type RevealMode = z.output<typeof revealModeSchema>;
export type StudentTransport = z.output<typeof studentTransportSchema>;

/** A class, with room to spare; a lecture hall or assembly raises it (up to the hard ceiling). */
export const DEFAULT_CLASS_SIZE = 200;
export const classSizeSchema = z.int().check(z.minimum(1), z.maximum(LIMITS.studentsPerSessionMax));

/**
 * Quiz mode: answers earn points (with a bonus for speed when the teacher wants one), and a
 * leaderboard of the top five can go up on the projector between slides.
 */
export const quizSettingsSchema = z.object({
  speedBonus: z._default(z.boolean(), false),
  /** False: no leaderboard and no ranks anywhere, only each student's own points. */
  leaderboard: z._default(z.boolean(), true),
});

/** A homework's due time (server clock, ms since 1970). */
export const dueAtSchema = z.int().check(z.minimum(0), z.maximum(8.64e15));

export const sessionSettingsSchema = z.object({
  pacing: z._default(pacingSchema, 'instructor'),
  latePolicy: z._default(latePolicySchema, 'allow'),
  /** Unset: the students' page decides (the web app's deployment default). */
  studentTransport: z.optional(studentTransportSchema),
  darkLaunchShare: z.optional(darkLaunchShareSchema),
  /**
   * Students sign in with their school account (through the web app) instead of joining by code
   * and name: the engine refuses a join that the web app did not vouch for.
   */
  studentSignIn: z.optional(z.boolean()),
  /**
   * The most students in the session at once (removed ones do not count); the teacher raises it
   * live. Unset (sessions from before it existed): only the engine's hard ceiling.
   */
  classSize: z.optional(classSizeSchema),
  /** The teacher stopped new students from joining (those in the session stay). */
  joinLocked: z.optional(z.boolean()),
  /** New students wait until the teacher admits them (removed ones stay out either way). */
  waitingRoom: z.optional(z.boolean()),
  /**
   * A session whose teacher has done nothing for this long takes no new students: an abandoned
   * code stops working (the deployment's REALTIME_SESSION_IDLE_END_MS; unset: never).
   */
  idleEndMs: z.optional(z.int().check(z.minimum(60_000), z.maximum(365 * 24 * 3_600_000))),
  /** Quiz mode (absent: off, the default). */
  quiz: z.optional(quizSettingsSchema),
  /**
   * Homework: no answer is taken after this time, and the report is final. Usually with
   * student pacing, so each student works through the deck on their own.
   */
  dueAt: z.optional(dueAtSchema),
});
export type SessionSettings = z.output<typeof sessionSettingsSchema>;
export type QuizSettings = z.output<typeof quizSettingsSchema>;

/** Body of `POST /v1/sessions/:id/students`: a student the web app signed in. */
export const signedInStudentSchema = z.object({
  studentId: idSchema,
  name: z.string().check(z.minLength(1), z.maxLength(200)),
});

/** Body of `POST /v1/sessions`. */
export const createSessionRequestSchema = z.object({
  deck: deckSchema,
  settings: z._default(sessionSettingsSchema, {
    pacing: 'instructor',
    latePolicy: 'allow',
    classSize: DEFAULT_CLASS_SIZE,
  }),
});
export type CreateSessionRequest = z.input<typeof createSessionRequestSchema>;
