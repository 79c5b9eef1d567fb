import { isInClass, type SessionState, type StudentRecord } from '../protocol/index.ts';

/**
 * The students an after-class report lists, in its order: everyone in the class (not removed,
 * not left in the waiting room), by name (ties
 * in joining order). Once here, so the realtime tier streams them in the order the web tier
 * writes its rows.
 */
export function reportStudents(state: SessionState): StudentRecord[] {
  return Object.values(state.students)
    .filter(isInClass)
    .sort((a, b) => a.name.localeCompare(b.name));
}
