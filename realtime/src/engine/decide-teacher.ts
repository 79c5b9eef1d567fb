import { hasCorrectAnswer, type SessionState, type TeacherCommand } from '../protocol/index.ts';
import { accept, nothingToDo, refuse, type DecideResult } from './result.ts';
import { findSlide, slideExpiresAt } from './rules.ts';
import { admission } from './waiting-room.ts';

/** Teacher commands. The caller has checked that the actor is one of this session's teachers. */
export function decideTeacher(
  state: SessionState,
  command: TeacherCommand,
  now: number,
): DecideResult {
  if (state.status === 'ended') {
    return command.type === 'endSession' ? nothingToDo() : refuse('session_ended');
  }
  switch (command.type) {
    case 'goToSlide': {
      if (command.slideIndex >= state.deck.slides.length) return refuse('slide_not_found');
      if (command.slideIndex === state.currentSlideIndex) return nothingToDo();
      return accept({ type: 'slideChanged', slideIndex: command.slideIndex, at: now });
    }
    case 'setPacing':
      return command.pacing === state.settings.pacing
        ? nothingToDo()
        : accept({ type: 'pacingChanged', pacing: command.pacing });
    case 'setLatePolicy':
      return command.latePolicy === state.settings.latePolicy
        ? nothingToDo()
        : accept({ type: 'latePolicyChanged', latePolicy: command.latePolicy });
    case 'setStudentTransport':
      return command.transport === state.settings.studentTransport
        ? nothingToDo()
        : accept({ type: 'studentTransportChanged', transport: command.transport });
    case 'setDarkLaunchShare':
      return command.share === state.settings.darkLaunchShare
        ? nothingToDo()
        : accept({ type: 'darkLaunchShareChanged', share: command.share });
    case 'lockSlide':
    case 'unlockSlide': {
      const located = findSlide(state, command.slideId);
      if (!located) return refuse('slide_not_found');
      const locked = command.type === 'lockSlide';
      const { runtime } = located;
      if (runtime.locked === locked && runtime.deadline === null) return nothingToDo();
      return accept({ type: 'slideLockChanged', slideId: command.slideId, locked });
    }
    case 'startTimer': {
      if (!findSlide(state, command.slideId)) return refuse('slide_not_found');
      return accept({
        type: 'timerStarted',
        slideId: command.slideId,
        deadline: now + command.durationMs,
        at: now,
      });
    }
    case 'cancelTimer': {
      const located = findSlide(state, command.slideId);
      if (!located) return refuse('slide_not_found');
      const { deadline } = located.runtime;
      if (deadline === null) return nothingToDo();
      // Past everyone's deadline the slide is already closed; cancelling must not reopen it.
      const expiresAt = slideExpiresAt(state, located.runtime);
      if (expiresAt !== null && now >= expiresAt)
        return accept({ type: 'timerExpired', slideId: command.slideId });
      // Past the class's deadline, students with extended time are still answering on their own
      // time: cancelling would take that away (or reopen the slide for everyone else), so it
      // does nothing. The teacher locks the slide to end it.
      if (now >= deadline) return nothingToDo();
      return accept({ type: 'timerCancelled', slideId: command.slideId });
    }
    case 'setReveal': {
      const located = findSlide(state, command.slideId);
      if (!located) return refuse('slide_not_found');
      return located.runtime.reveal === command.mode
        ? nothingToDo()
        : accept({ type: 'revealChanged', slideId: command.slideId, mode: command.mode });
    }
    case 'revealCorrect': {
      const located = findSlide(state, command.slideId);
      if (!located) return refuse('slide_not_found');
      const question = located.slide.question;
      if (command.revealed && (!question || !hasCorrectAnswer(question)))
        return refuse('no_correct_answer');
      return located.runtime.correctRevealed === command.revealed
        ? nothingToDo()
        : accept({
            type: 'correctRevealChanged',
            slideId: command.slideId,
            revealed: command.revealed,
          });
    }
    case 'setQuiz': {
      const { quiz } = state.settings;
      if (command.quiz === null)
        return quiz ? accept({ type: 'quizChanged', quiz: null }) : nothingToDo();
      return quiz?.speedBonus === command.quiz.speedBonus &&
        quiz.leaderboard === command.quiz.leaderboard
        ? nothingToDo()
        : accept({ type: 'quizChanged', quiz: command.quiz });
    }
    case 'showLeaderboard': {
      if (command.shown && state.settings.quiz?.leaderboard !== true) return refuse('quiz_off');
      return (state.leaderboardShown === true) === command.shown
        ? nothingToDo()
        : accept({ type: 'leaderboardShownChanged', shown: command.shown });
    }
    case 'setDueAt':
      return (state.settings.dueAt ?? null) === command.dueAt
        ? nothingToDo()
        : accept({ type: 'dueAtChanged', dueAt: command.dueAt });
    case 'hideResponse': {
      if (!findSlide(state, command.slideId)) return refuse('slide_not_found');
      const response = state.responses[command.slideId]?.[command.studentId];
      if (!response) return refuse('response_not_found');
      return response.hidden === command.hidden
        ? nothingToDo()
        : accept({
            type: 'responseHiddenChanged',
            slideId: command.slideId,
            studentId: command.studentId,
            hidden: command.hidden,
          });
    }
    case 'removeStudent': {
      const student = state.students[command.studentId];
      if (!student) return refuse('student_not_found');
      if (student.removed) return nothingToDo();
      return accept({ type: 'studentRemoved', studentId: command.studentId, at: now });
    }
    case 'setExtendedTime': {
      const student = state.students[command.studentId];
      if (!student) return refuse('student_not_found');
      const extendedTime = command.extendedTime === 1 ? null : command.extendedTime;
      return (student.extendedTime ?? null) === extendedTime
        ? nothingToDo()
        : accept({ type: 'extendedTimeChanged', studentId: command.studentId, extendedTime });
    }
    case 'readmitStudent': {
      const student = state.students[command.studentId];
      if (!student) return refuse('student_not_found');
      if (!student.removed) return nothingToDo();
      return accept({ type: 'studentReadmitted', studentId: command.studentId });
    }
    case 'setClassSize':
      return command.classSize === state.settings.classSize
        ? nothingToDo()
        : accept({ type: 'classSizeChanged', classSize: command.classSize });
    case 'setJoinLocked':
      return command.locked === (state.settings.joinLocked ?? false)
        ? nothingToDo()
        : accept({ type: 'joinLockChanged', locked: command.locked });
    case 'setWaitingRoom': {
      if (command.enabled === (state.settings.waitingRoom ?? false)) return nothingToDo();
      const changed = { type: 'waitingRoomChanged', enabled: command.enabled } as const;
      // Without a waiting room nobody should be left waiting: everyone who fits comes in.
      const admitted = command.enabled ? undefined : admission(state, 'all');
      return typeof admitted === 'object' ? accept(changed, admitted) : accept(changed);
    }
    case 'admitStudents': {
      const admitted = admission(state, command.studentIds);
      if (admitted === 'class_full')
        return refuse('class_full', 'The class is full: raise the class size to let more in.');
      return admitted ? accept(admitted) : nothingToDo();
    }
    case 'endSession':
      return accept({ type: 'sessionEnded', at: now });
    case 'setCoTeachers': {
      const teacherIds = [...new Set(command.teacherIds)].filter((id) => id !== state.teacherId);
      const current = state.coTeacherIds ?? [];
      const same =
        teacherIds.length === current.length && teacherIds.every((id) => current.includes(id));
      return same ? nothingToDo() : accept({ type: 'coTeachersChanged', teacherIds });
    }
  }
}
