import type { SessionState } from '../protocol/index.ts';

/**
 * The session as if `studentId` had never been in it: their roster entry, every response of
 * theirs and every audit entry that names them are gone; everything else (other students, their
 * responses and the order of both) is the same values in the same order. The one place that says
 * what erasing a student from a session's state means: every store compacts its log to this.
 * Undefined when the session has nothing of that student.
 */
export function withoutStudent(state: SessionState, studentId: string): SessionState | undefined {
  const inRoster = Object.hasOwn(state.students, studentId);
  const answered = Object.values(state.responses).some((bySlide) =>
    Object.hasOwn(bySlide, studentId),
  );
  const audited = state.audit?.some((entry) => entry.studentId === studentId) ?? false;
  if (!inRoster && !answered && !audited) return undefined;

  const students: SessionState['students'] = {};
  for (const [id, record] of Object.entries(state.students))
    if (id !== studentId) students[id] = record;
  const responses: SessionState['responses'] = {};
  for (const [slideId, bySlide] of Object.entries(state.responses)) {
    const kept: SessionState['responses'][string] = {};
    for (const [id, response] of Object.entries(bySlide)) if (id !== studentId) kept[id] = response;
    responses[slideId] = kept;
  }
  const next: SessionState = { ...state, students, responses };
  // An entry about the student ("removed X") would say they were there: it goes with them.
  if (state.audit) next.audit = state.audit.filter((entry) => entry.studentId !== studentId);
  return next;
}
