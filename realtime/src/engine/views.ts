import { LEADERBOARD_SIZE, standingOf, standings } from './scores.ts';
import { sessionIndex } from './session-index.ts';
import {
  questionForStudents,
  RESULTS_ENTRIES_MAX,
  selfViewOf,
  type LeaderboardEntry,
  type OwnStanding,
  type StoredResponse,
  type PublicSessionView,
  type PublicSlideView,
  type SessionState,
  type SlideResults,
  type StudentSelfView,
  type TeacherMeta,
} from '../protocol/index.ts';

/** What every student may see; computed once per broadcast and sent to the whole session. */
export function publicSessionView(state: SessionState): PublicSessionView {
  const indexes =
    state.settings.pacing === 'student'
      ? state.deck.slides.map((_, i) => i)
      : [state.currentSlideIndex];
  const slides: PublicSlideView[] = [];
  for (const index of indexes) {
    const slide = state.deck.slides[index];
    const runtime = slide && state.slides[slide.id];
    if (!slide || !runtime) continue;
    slides.push({
      index,
      id: slide.id,
      title: slide.title,
      body: slide.body,
      ...(slide.image ? { image: slide.image } : {}),
      question: slide.question
        ? questionForStudents(slide.question, runtime.correctRevealed)
        : null,
      locked: runtime.locked,
      deadline: runtime.deadline,
      ...(runtime.timerStartedAt === undefined ? {} : { timerStartedAt: runtime.timerStartedAt }),
      reveal: runtime.reveal,
      correctRevealed: runtime.correctRevealed,
      results:
        runtime.reveal === 'hidden'
          ? null
          : slideResults(state, slide.id, runtime.reveal === 'named'),
    });
  }
  const { studentTransport, darkLaunchShare, quiz, dueAt } = state.settings;
  return {
    sessionId: state.id,
    title: state.deck.title,
    ...(state.deck.language === undefined ? {} : { language: state.deck.language }),
    status: state.status,
    pacing: state.settings.pacing,
    currentSlideIndex: state.currentSlideIndex,
    slideCount: state.deck.slides.length,
    slides,
    // Students' clients follow these (Firebase mode); absent in sessions that never set them.
    ...(studentTransport === undefined ? {} : { studentTransport }),
    ...(darkLaunchShare === undefined ? {} : { darkLaunchShare }),
    ...(quiz ? { quiz: { leaderboard: quiz.leaderboard } } : {}),
    ...(quiz?.leaderboard && state.leaderboardShown ? { leaderboard: leaderboard(state) } : {}),
    ...(dueAt === undefined ? {} : { dueAt, createdAt: state.createdAt }),
  };
}

function leaderboard(state: SessionState): LeaderboardEntry[] {
  return standings(state)
    .slice(0, LEADERBOARD_SIZE)
    .map(({ rank, name, points }) => ({ rank, name, points }));
}

/** A student's own standing in quiz mode (rank only when the class has a leaderboard). */
export function ownStanding(state: SessionState, studentId: string): OwnStanding | undefined {
  const quiz = state.settings.quiz;
  const standing = quiz && standingOf(state, studentId);
  if (!quiz || !standing) return undefined;
  return quiz.leaderboard
    ? { points: standing.points, rank: standing.rank, of: standings(state).length }
    : { points: standing.points };
}

/**
 * Revealed results: responses the teacher did not hide. Ordered by answerId (random), not by
 * arrival, so an anonymous reveal does not give away who answered first.
 */
export function slideResults(
  state: SessionState,
  slideId: string,
  withNames: boolean,
): SlideResults {
  const visible = Object.entries(state.responses[slideId] ?? {}).filter(([, r]) => !r.hidden);
  visible.sort(([, a], [, b]) => (a.answerId < b.answerId ? -1 : a.answerId > b.answerId ? 1 : 0));
  const entries = visible.slice(0, RESULTS_ENTRIES_MAX).map(([studentId, r]) => {
    const name = withNames ? state.students[studentId]?.name : undefined;
    return name === undefined ? { answer: r.answer } : { answer: r.answer, name };
  });
  return { responseCount: visible.length, entries, truncated: visible.length > entries.length };
}

export function studentSelfView(state: SessionState, studentId: string): StudentSelfView | null {
  const student = state.students[studentId];
  if (!student || student.removed) return null;
  const own: Array<[string, StoredResponse]> = [];
  for (const [slideId, bySlide] of Object.entries(state.responses)) {
    const r = bySlide[studentId];
    if (r) own.push([slideId, r]);
  }
  return selfViewOf(student, own, ownStanding(state, studentId));
}

export function teacherMeta(state: SessionState): TeacherMeta {
  return {
    status: state.status,
    endedAt: state.endedAt,
    settings: { ...state.settings },
    currentSlideIndex: state.currentSlideIndex,
    furthestSlideIndex: state.furthestSlideIndex,
    slides: structuredClone(state.slides),
    leaderboardShown: state.leaderboardShown === true,
  };
}

/** Number of stored responses of one slide. */
export function countResponses(state: SessionState, slideId: string): number {
  return sessionIndex(state).responseCounts.get(slideId) ?? 0;
}

/** Number of stored responses per slide. */
export function responseCounts(state: SessionState): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const slide of state.deck.slides) counts[slide.id] = countResponses(state, slide.id);
  return counts;
}
