/**
 * Extended time, an accommodation a teacher gives one student: their slide timers and their
 * homework's due time stretch by this factor, or do not apply at all ('unlimited').
 */
export type ExtendedTime = 1.5 | 2 | 'unlimited';

/**
 * What a teacher may set (`setExtendedTime`): 1 is standard time (removes the extension). Its
 * schema is with the commands: this module stays free of zod, since the students' first load
 * uses it.
 */
export type ExtendedTimeSetting = 1 | ExtendedTime;

/**
 * The end of a span from `start` to `end` stretched for a student: `start + (end - start) * m`,
 * or null when the student has no limit. This exact arithmetic is the one the engine, the
 * Firebase rules (firebase/rules.ts) and the students' page use, so all three agree to the
 * millisecond; change it in all three or nowhere.
 */
export function stretchedEnd(
  start: number,
  end: number,
  extendedTime: ExtendedTime | undefined,
): number | null {
  if (extendedTime === undefined) return end;
  if (extendedTime === 'unlimited') return null;
  return start + (end - start) * extendedTime;
}

/**
 * A student's own slide deadline: the class deadline stretched from when the timer started, or
 * null when the slide has no running timer or the student has no limit. A timer from before
 * `timerStartedAt` existed is not stretched (only 'unlimited' lifts it).
 */
export function ownSlideDeadline(
  slide: { deadline: number | null; timerStartedAt?: number | undefined },
  extendedTime: ExtendedTime | undefined,
): number | null {
  if (slide.deadline === null) return null;
  if (extendedTime === 'unlimited') return null;
  if (slide.timerStartedAt === undefined) return slide.deadline;
  return stretchedEnd(slide.timerStartedAt, slide.deadline, extendedTime);
}

/**
 * A student's own homework due time: the due time stretched from the session's creation, or null
 * when there is none or the student has no limit.
 */
export function ownDueAt(
  dueAt: number | undefined,
  createdAt: number,
  extendedTime: ExtendedTime | undefined,
): number | null {
  return dueAt === undefined ? null : stretchedEnd(createdAt, dueAt, extendedTime);
}
