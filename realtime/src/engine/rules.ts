import { nameSkeleton } from './name-skeleton.ts';
import { sessionIndex } from './session-index.ts';
import {
  ownDueAt,
  ownSlideDeadline,
  type ErrorCode,
  type SessionState,
  type Slide,
  type SlideRuntime,
  type StudentRecord,
} from '../protocol/index.ts';

/** Whether a teacher account controls the session: its owner or one of its co-teachers. */
export function isSessionTeacher(state: SessionState, teacherId: string): boolean {
  return teacherId === state.teacherId || (state.coTeacherIds ?? []).includes(teacherId);
}

/** A slide and where it is in the deck. */
export interface LocatedSlide {
  index: number;
  slide: Slide;
  runtime: SlideRuntime;
}

export function findSlide(state: SessionState, slideId: string): LocatedSlide | undefined {
  const index = state.deck.slides.findIndex((s) => s.id === slideId);
  const slide = state.deck.slides[index];
  const runtime = state.slides[slideId];
  return slide && runtime ? { index, slide, runtime } : undefined;
}

/** Visible: shown by the teacher at least once, or any slide when students set their own pace. */
export function isSlideVisible(state: SessionState, runtime: SlideRuntime): boolean {
  return state.settings.pacing === 'student' || runtime.opened;
}

/** Locked for the class: by the teacher, or past the class's deadline. */
export function isSlideLocked(runtime: SlideRuntime, now: number): boolean {
  return runtime.locked || (runtime.deadline !== null && now >= runtime.deadline);
}

/** Locked for this student: by the teacher, or past their own deadline (extended time). */
export function isSlideLockedFor(runtime: SlideRuntime, student: StudentRecord, now: number) {
  if (runtime.locked) return true;
  const deadline = ownSlideDeadline(runtime, student.extendedTime);
  return deadline !== null && now >= deadline;
}

/**
 * When the slide's timer locks it: once the last student still in the session (not removed) is
 * past their own deadline. Null without a running timer, or while a student with no time limit is
 * in the session (the teacher locks the slide or moves on).
 */
export function slideExpiresAt(state: SessionState, runtime: SlideRuntime): number | null {
  if (runtime.deadline === null) return null;
  let last = runtime.deadline;
  for (const student of Object.values(state.students)) {
    if (student.removed || student.extendedTime === undefined) continue;
    const own = ownSlideDeadline(runtime, student.extendedTime);
    if (own === null) return null;
    if (own > last) last = own;
  }
  return last;
}

/**
 * Whether this student may answer this slide now; the reason when not. The one place that
 * decides it: the engine's submit rule and the property tests both use it.
 */
export function answerRefusal(
  state: SessionState,
  student: StudentRecord,
  located: LocatedSlide,
  now: number,
): ErrorCode | null {
  if (state.status === 'ended') return 'session_ended';
  if (!located.slide.question) return 'no_question';
  const dueAt = ownDueAt(state.settings.dueAt, state.createdAt, student.extendedTime);
  if (dueAt !== null && now >= dueAt) return 'past_due';
  if (located.index < student.firstAnswerableIndex) return 'slide_not_open';
  if (!isSlideVisible(state, located.runtime)) return 'slide_not_open';
  if (isSlideLockedFor(located.runtime, student, now)) return 'slide_locked';
  return null;
}

/** A join is late once the class has moved past the first slide or anyone has answered. */
export function isLateJoin(state: SessionState): boolean {
  if (state.furthestSlideIndex > 0) return true;
  for (const bySlide of Object.values(state.responses)) {
    for (const _ in bySlide) return true;
  }
  return false;
}

/**
 * "Sam", "Sam (2)", "Sam (3)"… unique among students still in the session by what the names look
 * like (their skeletons: case, look-alike letters and invisible characters do not count).
 */
export function disambiguateName(state: SessionState, name: string, maxLength: number): string {
  const { activeNames, nextSuffix } = sessionIndex(state);
  const key = nameSkeleton(name);
  if (!activeNames.has(key)) return name;
  // Starts past every suffix this name already has, so it almost always takes one try.
  for (let n = nextSuffix.get(key) ?? 2; ; n++) {
    const suffix = ` (${n})`;
    const candidate = truncateCodePoints(name, maxLength - suffix.length).trimEnd() + suffix;
    if (!activeNames.has(nameSkeleton(candidate))) return candidate;
  }
}

/** At most `maxUnits` UTF-16 units without splitting a character (an emoji stays whole). */
function truncateCodePoints(text: string, maxUnits: number): string {
  let out = '';
  for (const ch of text) {
    if (out.length + ch.length > maxUnits) break;
    out += ch;
  }
  return out;
}
