import type { TeacherDelta, TeacherSnapshot } from '../protocol/index.ts';

/**
 * Applies a `teacher:delta` to the teacher's local snapshot and returns a new snapshot (UI
 * frameworks compare by reference). A student marked removed loses their responses, as on the
 * server.
 */
export function applyTeacherDelta(snapshot: TeacherSnapshot, delta: TeacherDelta): TeacherSnapshot {
  const state = { ...snapshot.state, seq: Math.max(snapshot.state.seq, delta.seq) };
  if (delta.meta) Object.assign(state, delta.meta);
  let responses = state.responses;
  if (delta.students) {
    state.students = { ...state.students };
    for (const student of delta.students) {
      state.students[student.id] = student;
      if (student.removed) {
        responses = Object.fromEntries(
          Object.entries(responses).map(([slideId, bySlide]) => {
            const { [student.id]: _removed, ...rest } = bySlide;
            return [slideId, rest];
          }),
        );
      }
    }
  }
  if (delta.responses) {
    responses = { ...responses };
    for (const { slideId, studentId, response } of delta.responses) {
      responses[slideId] = { ...responses[slideId], [studentId]: response };
    }
  }
  state.responses = responses;
  const presence = delta.presence ? { ...snapshot.presence, ...delta.presence } : snapshot.presence;
  const counts = delta.counts ? { ...snapshot.counts, ...delta.counts } : snapshot.counts;
  return { state, presence, counts, serverTime: snapshot.serverTime };
}
