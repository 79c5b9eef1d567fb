import { LIMITS, type SessionState } from '../protocol/index.ts';
import type { EngineEvent } from './events.ts';
import { forgetStandings } from './scores.ts';
import { indexBeforeEvolve } from './session-index.ts';

/**
 * Applies decided events to a state in place and returns it. Mutating keeps an answer O(1) in a
 * class of thousands; `decide` has already refused anything invalid, so nothing here can fail
 * halfway. `sessionCreated` is the only event that builds a new state.
 */
export function evolve(state: SessionState | null, event: EngineEvent): SessionState {
  if (event.type === 'sessionCreated') return createState(event);
  if (!state) throw new Error(`evolve: ${event.type} without a session`);
  indexBeforeEvolve(state, event);
  forgetStandings(state);

  switch (event.type) {
    case 'studentJoined':
      state.students[event.student.id] = { ...event.student };
      break;
    case 'studentRemoved': {
      const student = state.students[event.studentId];
      if (student) student.removed = true;
      // Removing a student takes their answers out of the live results too.
      for (const bySlide of Object.values(state.responses)) delete bySlide[event.studentId];
      break;
    }
    case 'extendedTimeChanged': {
      const student = state.students[event.studentId];
      if (student && event.extendedTime === null) delete student.extendedTime;
      else if (student && event.extendedTime !== null) student.extendedTime = event.extendedTime;
      break;
    }
    case 'studentNavigated': {
      const student = state.students[event.studentId];
      if (student) student.position = event.position;
      break;
    }
    case 'slideChanged': {
      state.currentSlideIndex = event.slideIndex;
      state.furthestSlideIndex = Math.max(state.furthestSlideIndex, event.slideIndex);
      const slide = state.deck.slides[event.slideIndex];
      const runtime = slide && state.slides[slide.id];
      if (runtime) {
        runtime.opened = true;
        runtime.openedAt ??= event.at;
      }
      break;
    }
    case 'pacingChanged':
      state.settings.pacing = event.pacing;
      // Students start their own pace from where the class is, and every slide is now shown:
      // an answer given while student-paced stays on a visible slide after switching back.
      if (event.pacing === 'student') {
        for (const s of Object.values(state.students)) s.position = state.currentSlideIndex;
        for (const r of Object.values(state.slides)) r.opened = true;
      }
      break;
    case 'latePolicyChanged':
      state.settings.latePolicy = event.latePolicy;
      break;
    case 'classSizeChanged':
      state.settings.classSize = event.classSize;
      break;
    case 'joinLockChanged':
      state.settings.joinLocked = event.locked;
      break;
    case 'waitingRoomChanged':
      state.settings.waitingRoom = event.enabled;
      break;
    case 'studentsAdmitted':
      for (const id of event.studentIds) {
        const student = state.students[id];
        if (student) delete student.waiting;
      }
      break;
    case 'studentReadmitted': {
      // The teacher let this student back in on purpose: no second wait in the waiting room.
      const student = state.students[event.studentId];
      if (student) {
        student.removed = false;
        delete student.waiting;
      }
      break;
    }
    case 'studentTransportChanged':
      state.settings.studentTransport = event.transport;
      break;
    case 'darkLaunchShareChanged':
      state.settings.darkLaunchShare = event.share;
      break;
    case 'slideLockChanged':
      withSlide(state, event.slideId, (r) => {
        r.locked = event.locked;
        stopTimer(r);
      });
      break;
    case 'timerStarted':
      withSlide(state, event.slideId, (r) => {
        r.locked = false;
        r.deadline = event.deadline;
        if (event.at === undefined) delete r.timerStartedAt;
        else r.timerStartedAt = event.at;
        if (r.openedAt !== undefined)
          r.speedWindowMs = Math.max(1_000, event.deadline - r.openedAt);
      });
      break;
    case 'timerCancelled':
      withSlide(state, event.slideId, stopTimer);
      break;
    case 'timerExpired':
      withSlide(state, event.slideId, (r) => {
        r.locked = true;
        stopTimer(r);
      });
      break;
    case 'revealChanged':
      withSlide(state, event.slideId, (r) => (r.reveal = event.mode));
      break;
    case 'correctRevealChanged':
      withSlide(state, event.slideId, (r) => {
        r.correctRevealed = event.revealed;
        // Once the answer is out, nobody may switch to it: revealing locks the slide (the
        // teacher can unlock it again on purpose).
        if (event.revealed) {
          r.locked = true;
          stopTimer(r);
        }
      });
      break;
    case 'quizChanged':
      if (event.quiz) state.settings.quiz = { ...event.quiz };
      else {
        delete state.settings.quiz;
        delete state.leaderboardShown;
      }
      break;
    case 'leaderboardShownChanged':
      if (event.shown) state.leaderboardShown = true;
      else delete state.leaderboardShown;
      break;
    case 'dueAtChanged':
      if (event.dueAt === null) delete state.settings.dueAt;
      else state.settings.dueAt = event.dueAt;
      break;
    case 'answerSubmitted': {
      const bySlide = (state.responses[event.slideId] ??= {});
      const previous = bySlide[event.studentId];
      bySlide[event.studentId] = {
        answerId: event.answerId,
        answer: event.answer,
        firstSubmittedAt: previous?.firstSubmittedAt ?? event.at,
        submittedAt: event.at,
        clientCreatedAt: event.clientCreatedAt,
        hidden: previous?.hidden ?? false,
        answerIds: [...(previous?.answerIds ?? []), event.answerId],
      };
      break;
    }
    case 'responseHiddenChanged': {
      const response = state.responses[event.slideId]?.[event.studentId];
      if (response) response.hidden = event.hidden;
      break;
    }
    case 'coTeachersChanged':
      state.coTeacherIds = [...event.teacherIds];
      break;
    case 'teacherActed': {
      const audit = (state.audit ??= []);
      audit.push({ ...event.entry });
      if (audit.length > LIMITS.auditEntriesMax)
        audit.splice(0, audit.length - LIMITS.auditEntriesMax);
      break;
    }
    case 'sessionEnded':
      state.status = 'ended';
      state.endedAt = event.at;
      for (const r of Object.values(state.slides)) stopTimer(r);
      break;
  }
  return state;
}

function stopTimer(runtime: SessionState['slides'][string]): void {
  runtime.deadline = null;
  delete runtime.timerStartedAt;
}

function withSlide(
  state: SessionState,
  slideId: string,
  change: (runtime: SessionState['slides'][string]) => void,
): void {
  const runtime = state.slides[slideId];
  if (runtime) change(runtime);
}

function createState(event: Extract<EngineEvent, { type: 'sessionCreated' }>): SessionState {
  const { session, at } = event;
  const slides: SessionState['slides'] = {};
  session.deck.slides.forEach((slide, index) => {
    const opened = index === 0 || session.settings.pacing === 'student';
    slides[slide.id] = {
      opened,
      locked: false,
      deadline: null,
      reveal: 'hidden',
      correctRevealed: false,
      ...(opened ? { openedAt: at } : {}),
    };
  });
  return {
    id: session.id,
    joinCode: session.joinCode,
    teacherId: session.teacherId,
    deck: structuredClone(session.deck),
    settings: { ...session.settings },
    status: 'live',
    createdAt: at,
    endedAt: null,
    currentSlideIndex: 0,
    furthestSlideIndex: 0,
    slides,
    students: {},
    responses: {},
    seq: 0,
  };
}

/** Applies one accepted command's events and advances `seq`: used by `apply` and by replay. */
export function evolveAll(
  state: SessionState | null,
  events: readonly EngineEvent[],
): SessionState | null {
  let next = state;
  for (const event of events) next = evolve(next, event);
  if (next && events.length > 0) next.seq += 1;
  return next;
}
