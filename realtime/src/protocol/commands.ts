import * as z from 'zod/mini';
import { answerSchema } from './questions.ts';
import { deliveryFactsSchema } from './health.ts';
import {
  darkLaunchShareSchema,
  dueAtSchema,
  quizSettingsSchema,
  classSizeSchema,
  latePolicySchema,
  pacingSchema,
  revealModeSchema,
  studentTransportSchema,
} from './deck.ts';
import type { ExtendedTimeSetting } from './extended-time.ts';
import { answerIdSchema, idSchema } from './ids.ts';
import { LIMITS } from './limits.ts';

/** `setExtendedTime`'s value: 1 (standard time), 1.5, 2 or 'unlimited'. */
export const extendedTimeSettingSchema = z.union([
  z.literal(1),
  z.literal(1.5),
  z.literal(2),
  z.literal('unlimited'),
]) satisfies z.ZodMiniType<ExtendedTimeSetting>;

const slideIndex = z.int().check(z.minimum(0), z.maximum(LIMITS.slidesMax - 1));

/** Commands only the session's teacher may send. */
export const teacherCommandSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('goToSlide'), slideIndex }),
  z.object({ type: z.literal('setPacing'), pacing: pacingSchema }),
  z.object({ type: z.literal('setLatePolicy'), latePolicy: latePolicySchema }),
  z.object({ type: z.literal('lockSlide'), slideId: idSchema }),
  z.object({ type: z.literal('unlockSlide'), slideId: idSchema }),
  z.object({
    type: z.literal('startTimer'),
    slideId: idSchema,
    durationMs: z.int().check(z.minimum(LIMITS.timerMsMin), z.maximum(LIMITS.timerMsMax)),
  }),
  z.object({ type: z.literal('cancelTimer'), slideId: idSchema }),
  z.object({ type: z.literal('setReveal'), slideId: idSchema, mode: revealModeSchema }),
  /** Revealing a correct answer also locks the slide (unlockSlide opens it again). */
  z.object({ type: z.literal('revealCorrect'), slideId: idSchema, revealed: z.boolean() }),
  /** Quiz mode on (with its settings) or off (`null`). */
  z.object({ type: z.literal('setQuiz'), quiz: z.nullable(quizSettingsSchema) }),
  /** Puts the top five on the projector (quiz mode with a leaderboard), or takes them off. */
  z.object({ type: z.literal('showLeaderboard'), shown: z.boolean() }),
  /** A homework's due time, or none (`null`). */
  z.object({ type: z.literal('setDueAt'), dueAt: z.nullable(dueAtSchema) }),
  z.object({
    type: z.literal('hideResponse'),
    slideId: idSchema,
    studentId: idSchema,
    hidden: z.boolean(),
  }),
  z.object({ type: z.literal('removeStudent'), studentId: idSchema }),
  /** Gives one student extended time on timers and the due time (1: standard time again). */
  z.object({
    type: z.literal('setExtendedTime'),
    studentId: idSchema,
    extendedTime: extendedTimeSettingSchema,
  }),
  /** Lets a removed student back in (their name and their device may join again). */
  z.object({ type: z.literal('readmitStudent'), studentId: idSchema }),
  z.object({ type: z.literal('setClassSize'), classSize: classSizeSchema }),
  z.object({ type: z.literal('setJoinLocked'), locked: z.boolean() }),
  /** Turning the waiting room off lets everyone waiting in (as far as the class size allows). */
  z.object({ type: z.literal('setWaitingRoom'), enabled: z.boolean() }),
  /** Lets waiting students in: these ones, or `all` in the order they joined. */
  z.object({
    type: z.literal('admitStudents'),
    studentIds: z.union([
      z.literal('all'),
      z.array(idSchema).check(z.minLength(1), z.maxLength(LIMITS.admitBatchMax)),
    ]),
  }),
  z.object({ type: z.literal('endSession') }),
  /** Moves the students' sync (Firebase mode): their clients follow without losing answers. */
  z.object({ type: z.literal('setStudentTransport'), transport: studentTransportSchema }),
  z.object({ type: z.literal('setDarkLaunchShare'), share: darkLaunchShareSchema }),
  /** The owner only: the co-teachers (other teacher accounts) with full control, replaced whole. */
  z.object({
    type: z.literal('setCoTeachers'),
    teacherIds: z.array(idSchema).check(z.maxLength(LIMITS.coTeachersMax)),
  }),
]);
export type TeacherCommand = z.output<typeof teacherCommandSchema>;
export type TeacherCommandType = TeacherCommand['type'];

/** Every teacher command type, read off the schema so no list can drift from it. */
export const TEACHER_COMMAND_TYPES: readonly TeacherCommandType[] =
  teacherCommandSchema.def.options.flatMap((option) => option.shape.type.def.values);

/** `teacher:command` payload: the session is named so a token for another session is refused. */
export const teacherCommandMessageSchema = z.object({
  sessionId: idSchema,
  command: teacherCommandSchema,
});
export type TeacherCommandMessage = z.output<typeof teacherCommandMessageSchema>;

/** `student:submit` payload. The student is never named here: it comes from the signed token. */
export const submitAnswerMessageSchema = z.object({
  sessionId: idSchema,
  slideId: idSchema,
  answerId: answerIdSchema,
  answer: answerSchema,
  /** When the student pressed submit (client clock); used for delivery-time reports only. */
  clientCreatedAt: z.optional(z.int().check(z.nonnegative())),
  /** How the answer got here (time queued, offline, attempt); for the health report only. */
  delivery: z.optional(deliveryFactsSchema),
});
export type SubmitAnswerMessage = z.output<typeof submitAnswerMessageSchema>;

/** `student:navigate` payload, for student-paced sessions. */
export const navigateMessageSchema = z.object({
  sessionId: idSchema,
  slideIndex,
});
export type NavigateMessage = z.output<typeof navigateMessageSchema>;

/**
 * `ping` payload. A student may add the round trip it measured last (`rttMs`), so the teacher's
 * roster can show it; the server keeps only the latest, in memory.
 */
export const pingMessageSchema = z.object({
  sentAt: z.number(),
  rttMs: z.optional(z.number().check(z.minimum(0), z.maximum(LIMITS.rttReportMaxMs))),
});
export type PingMessage = z.output<typeof pingMessageSchema>;
