import { nameSkeleton } from './name-skeleton.ts';
import { sessionIndex } from './session-index.ts';
import {
  answerIdSchema,
  answerProblem,
  parseAnswer,
  LIMITS,
  studentNameSchema,
  type SessionState,
} from '../protocol/index.ts';
import type { StudentCommand } from './commands.ts';
import { accept, nothingToDo, refuse, type DecideResult } from './result.ts';
import { answerRefusal, disambiguateName, findSlide, isLateJoin } from './rules.ts';
import { roomToJoin } from './waiting-room.ts';

export const STUDENTS_PER_SESSION_MAX = LIMITS.studentsPerSessionMax;

export function decideStudent(
  state: SessionState,
  studentId: string,
  command: StudentCommand,
  now: number,
): DecideResult {
  if (command.type === 'join') {
    // A class whose students sign in takes only joins the web app vouched for.
    if (state.settings.studentSignIn && command.verified !== true)
      return refuse('sign_in_required');
    // A signed-in student who already joined is coming back (another device): nothing changes,
    // and the web app hands that device the same student's token.
    const existing = state.students[studentId];
    if (command.verified === true && existing && !existing.removed) return nothingToDo();
    return decideJoin(state, studentId, command.name, now);
  }

  const student = state.students[studentId];
  if (!student) return refuse('student_not_found');
  if (student.removed) return refuse('student_removed');
  if (student.waiting) return refuse('waiting_for_teacher');

  if (command.type === 'navigate') {
    if (state.status === 'ended') return refuse('session_ended');
    if (state.settings.pacing !== 'student')
      return refuse('invalid_state', 'The teacher sets the pace.');
    const index = command.slideIndex;
    if (!Number.isInteger(index) || index < 0 || index >= state.deck.slides.length) {
      return refuse('slide_not_found');
    }
    if (command.slideIndex === student.position) return nothingToDo();
    return accept({ type: 'studentNavigated', studentId, position: command.slideIndex });
  }

  // submitAnswer. Idempotency comes first: an answer that is already stored is acknowledged
  // again even if the slide has locked or the session ended since, so no client waits forever.
  if (!answerIdSchema.safeParse(command.answerId).success)
    return refuse('bad_request', 'Invalid answerId.');
  const located = findSlide(state, command.slideId);
  if (!located) return refuse('slide_not_found');
  // answerIds are scoped to their student: one student's id can never touch another's answer.
  const existing = state.responses[command.slideId]?.[studentId];
  if (existing?.answerIds.includes(command.answerId))
    return { ok: true, events: [], duplicate: true };
  // A plain loop: Object.entries built an array per slide on every answer.
  for (const slideId in state.responses) {
    if (
      slideId !== command.slideId &&
      state.responses[slideId]![studentId]?.answerIds.includes(command.answerId)
    ) {
      return refuse('answer_id_conflict');
    }
  }

  const refusal = answerRefusal(state, student, located, now);
  if (refusal) return refuse(refusal);

  const parsed = parseAnswer(command.answer);
  if (!parsed.success) return refuse('invalid_answer', parsed.error.issues[0]?.message);
  const question = located.slide.question;
  if (!question) return refuse('no_question');
  const problem = answerProblem(question, parsed.data);
  if (problem) return refuse('invalid_answer', problem);
  if (existing && existing.answerIds.length >= LIMITS.answerRevisionsMax)
    return refuse('too_many_edits');

  return accept({
    type: 'answerSubmitted',
    slideId: command.slideId,
    studentId,
    answerId: command.answerId,
    answer: parsed.data,
    at: now,
    clientCreatedAt: command.clientCreatedAt ?? null,
  });
}

function decideJoin(
  state: SessionState,
  studentId: string,
  rawName: string,
  now: number,
): DecideResult {
  if (state.status === 'ended') return refuse('session_ended');
  const idleEnd = state.settings.idleEndMs;
  if (idleEnd !== undefined && now - lastTeacherActivity(state) > idleEnd)
    return refuse('session_ended', 'This session has ended: its teacher has been away too long.');
  const existing = state.students[studentId];
  if (existing)
    return refuse(existing.removed ? 'student_removed' : 'invalid_state', 'Already joined.');
  const name = studentNameSchema.safeParse(rawName);
  if (!name.success) return refuse('bad_request', name.error.issues[0]?.message);
  const index = sessionIndex(state);
  if (index.removedNames.has(nameSkeleton(name.data))) return refuse('student_removed');
  if (state.settings.joinLocked) return refuse('joining_locked');
  // Students in the class (or its waiting room) now, and everyone who ever joined.
  if (!roomToJoin(state)) return refuse('class_full');
  if (index.studentCount >= STUDENTS_PER_SESSION_MAX) return refuse('class_full');

  const late = isLateJoin(state);
  const policy = state.settings.latePolicy;
  if (late && policy === 'deny') return refuse('late_join_denied');
  const firstAnswerableIndex = late && policy === 'next-slide' ? state.currentSlideIndex + 1 : 0;

  return accept({
    type: 'studentJoined',
    student: {
      id: studentId,
      name: disambiguateName(state, name.data, LIMITS.studentNameMax),
      joinedAt: now,
      removed: false,
      firstAnswerableIndex,
      position: state.currentSlideIndex,
      ...(state.settings.waitingRoom ? { waiting: true } : {}),
    },
  });
}

/** When the teacher last changed anything (the audit trail's newest entry), or the start. */
function lastTeacherActivity(state: SessionState): number {
  return Math.max(state.createdAt, state.audit?.at(-1)?.at ?? 0);
}
