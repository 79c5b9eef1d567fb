import {
  answerScore,
  questionPoints,
  hasCorrectAnswer,
  isInClass,
  type Question,
  type SessionState,
  type SlideRuntime,
  type StoredResponse,
} from '../protocol/index.ts';
import type { EngineEvent } from './events.ts';

/**
 * Scores: what each answer earns, per slide and per student. One place for the dashboard, the
 * projector's leaderboard, each student's own standing, the report and the CSV, so their totals
 * agree. Only questions with a correct answer score.
 */

/** Quiz mode's speed bonus: up to half the slide's points again, for answering at once. */
export const SPEED_BONUS_SHARE = 0.5;
/** Without a timer, the bonus runs out this long after the slide was shown. */
export const SPEED_WINDOW_MS = 30_000;

export interface AnswerPoints {
  /** Share of the question's points (0–1) the answer earns, before any speed bonus. */
  share: number;
  /** Points earned, speed bonus included. */
  points: number;
}

/**
 * What one response earns, or null when the question has no correct answer. With quiz mode's
 * speed bonus, a correct answer given at once earns half its points again, falling to nothing at
 * the end of the slide's timer (`speedWindowMs`, or SPEED_WINDOW_MS without one); changing an answer restarts
 * its clock. Student-paced slides have no shared start, so no bonus.
 */
export function answerPoints(
  state: SessionState,
  question: Question,
  runtime: SlideRuntime | undefined,
  response: StoredResponse,
): AnswerPoints | null {
  const share = answerScore(question, response.answer);
  if (share === null) return null;
  const base = questionPoints(question) * share;
  const bonus = speedBonus(state, question, runtime, response) * share;
  return { share, points: round(base + bonus) };
}

function speedBonus(
  state: SessionState,
  question: Question,
  runtime: SlideRuntime | undefined,
  response: StoredResponse,
): number {
  if (!state.settings.quiz?.speedBonus || state.settings.pacing !== 'instructor') return 0;
  const openedAt = runtime?.openedAt;
  if (openedAt === undefined) return 0;
  const window = runtime?.speedWindowMs ?? SPEED_WINDOW_MS;
  const elapsed = Math.max(0, response.submittedAt - openedAt);
  return questionPoints(question) * SPEED_BONUS_SHARE * Math.max(0, 1 - elapsed / window);
}

/** Points are shown with at most two decimals; rounding once here keeps every total equal. */
function round(points: number): number {
  return Math.round(points * 100) / 100;
}

export interface StudentScore {
  studentId: string;
  name: string;
  /** Points per graded slide the student answered. */
  bySlide: Record<string, number>;
  total: number;
}

export interface SessionScores {
  /** Graded slides (a question with a correct answer), in deck order, with their points. */
  slides: Array<{ slideId: string; points: number }>;
  /** Every student in the class (removed and waiting ones left out), in join order. */
  students: StudentScore[];
}

/**
 * Every student's points. `revealedOnly` counts only slides whose correct answer the teacher
 * revealed: what students and the projector may see (scores would otherwise tell them which
 * answers are right).
 */
export function sessionScores(state: SessionState, revealedOnly: boolean): SessionScores {
  const slides: SessionScores['slides'] = [];
  const graded: Array<{ id: string; question: Question; runtime: SlideRuntime | undefined }> = [];
  for (const slide of state.deck.slides) {
    const runtime = state.slides[slide.id];
    if (!slide.question || !hasCorrectAnswer(slide.question)) continue;
    if (revealedOnly && !runtime?.correctRevealed) continue;
    slides.push({ slideId: slide.id, points: questionPoints(slide.question) });
    graded.push({ id: slide.id, question: slide.question, runtime });
  }
  const students = Object.values(state.students)
    .filter(isInClass)
    .sort((a, b) => a.joinedAt - b.joinedAt)
    .map((student): StudentScore => {
      const bySlide: Record<string, number> = {};
      let total = 0;
      for (const { id, question, runtime } of graded) {
        const response = state.responses[id]?.[student.id];
        const earned = response && answerPoints(state, question, runtime, response);
        if (!earned) continue;
        bySlide[id] = earned.points;
        total += earned.points;
      }
      return { studentId: student.id, name: student.name, bySlide, total: round(total) };
    });
  return { slides, students };
}

/** A student's place in the class: competition ranking (1, 2, 2, 4) by revealed points. */
export interface Standing {
  studentId: string;
  name: string;
  points: number;
  rank: number;
}

/** The leaderboard on the projector: the top five by nickname, never the whole class. */
export const LEADERBOARD_SIZE = 5;

/**
 * Standings are computed once per state change, not once per student's view: `evolve` (the only
 * writer of state) forgets them.
 */
const standingsCache = new WeakMap<
  SessionState,
  { list: Standing[]; byId: Map<string, Standing> }
>();

export function forgetStandings(state: SessionState): void {
  standingsCache.delete(state);
}

/** Every student's standing by the points of revealed slides, best first (ties by name). */
export function standings(state: SessionState): Standing[] {
  return rankedStandings(state).list;
}

/** One student's standing (quiz mode), or undefined for a student not in the class. */
export function standingOf(state: SessionState, studentId: string): Standing | undefined {
  return rankedStandings(state).byId.get(studentId);
}

function rankedStandings(state: SessionState) {
  const cached = standingsCache.get(state);
  if (cached) return cached;
  const sorted = sessionScores(state, true)
    .students.map((s) => ({ studentId: s.studentId, name: s.name, points: s.total, rank: 0 }))
    .sort((a, b) => b.points - a.points || a.name.localeCompare(b.name));
  sorted.forEach((s, i) => {
    const previous = sorted[i - 1];
    s.rank = previous && previous.points === s.points ? previous.rank : i + 1;
  });
  const ranked = { list: sorted, byId: new Map(sorted.map((s) => [s.studentId, s])) };
  standingsCache.set(state, ranked);
  return ranked;
}

/**
 * Whether an event (already applied to `state`) can change what students see of the scores: a
 * revealed answer, the quiz settings, who is in the class, or an answer to a revealed slide.
 */
export function changesStandings(state: SessionState, event: EngineEvent): boolean {
  if (event.type === 'quizChanged') return true;
  if (!state.settings.quiz) return false;
  switch (event.type) {
    // A student who joins (or is admitted) has no points: nobody's rank moves, only the count
    // of students ranked, which every student gets with the next change.
    case 'correctRevealChanged':
    case 'pacingChanged':
    case 'studentRemoved':
    case 'studentReadmitted':
      return true;
    case 'answerSubmitted':
      return state.slides[event.slideId]?.correctRevealed === true;
    default:
      return false;
  }
}
