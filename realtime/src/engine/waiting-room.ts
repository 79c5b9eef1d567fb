import { LIMITS, type SessionState } from '../protocol/index.ts';
import type { EngineEvent } from './events.ts';
import { sessionIndex } from './session-index.ts';

/** The most students in the class at once: the teacher's class size, or the engine's ceiling. */
export function classSizeOf(state: SessionState): number {
  return state.settings.classSize ?? LIMITS.studentsPerSessionMax;
}

/** Students taking part now: neither removed nor waiting. O(1) through the session index. */
export function studentsInClass(state: SessionState): number {
  const index = sessionIndex(state);
  return index.activeNames.size - index.waiting.size;
}

/**
 * Whether one more student fits. With the waiting room on, a join enters the waiting room, which
 * holds at most a class's worth of students, so a flood of fake joins cannot grow it without end.
 */
export function roomToJoin(state: SessionState): boolean {
  const limit = classSizeOf(state);
  return state.settings.waitingRoom === true
    ? sessionIndex(state).waiting.size < limit
    : studentsInClass(state) < limit;
}

/**
 * The event that lets these waiting students in (`all`: everyone waiting, first come first in),
 * as many as the class size leaves room for; undefined when nobody asked for is waiting. The
 * rest keep waiting until the teacher raises the class size.
 */
export function admission(
  state: SessionState,
  studentIds: readonly string[] | 'all',
): Extract<EngineEvent, { type: 'studentsAdmitted' }> | 'class_full' | undefined {
  const { waiting } = sessionIndex(state);
  const wanted = studentIds === 'all' ? [...waiting] : studentIds.filter((id) => waiting.has(id));
  if (wanted.length === 0) return undefined;
  const places = classSizeOf(state) - studentsInClass(state);
  if (places <= 0) return 'class_full';
  return { type: 'studentsAdmitted', studentIds: [...new Set(wanted)].slice(0, places) };
}
