import type { SessionSettings } from '@classpulse/realtime/protocol';
import { dueAtFromLocalInput, dueAtProblem, dueAtProblemKey } from '../../lib/quiz-format.ts';

/** What the teacher chose for new sessions: quiz mode and homework. */
export interface QuizHomeworkChoice {
  quiz: boolean;
  speedBonus: boolean;
  leaderboard: boolean;
  homework: boolean;
  /** The `datetime-local` field's text (the teacher's own time zone). */
  dueLocal: string;
}

export const NO_QUIZ_OR_HOMEWORK: QuizHomeworkChoice = {
  quiz: false,
  speedBonus: false,
  leaderboard: true,
  homework: false,
  dueLocal: '',
};

/**
 * The part of a new session's settings these choices make, or what to fix: `problem` is its key
 * in `dashboard.quiz` (a page shows `homeworkProblem` with it, in the reader's language); `message`
 * says it in English.
 * Homework runs student-paced: each student works through the deck on their own until it is due.
 */
export function quizHomeworkSettings(
  choice: QuizHomeworkChoice,
  now: number,
):
  | { ok: true; settings: Partial<SessionSettings> }
  | { ok: false; message: string; problem: 'chooseDue' | 'chooseFutureDue' } {
  const settings: Partial<SessionSettings> = {};
  if (choice.quiz)
    settings.quiz = { speedBonus: choice.speedBonus, leaderboard: choice.leaderboard };
  if (choice.homework) {
    const dueAt = dueAtFromLocalInput(choice.dueLocal);
    const problem = dueAtProblemKey(dueAt, now);
    if (problem !== null || dueAt === null)
      return {
        ok: false,
        message: `Homework: ${dueAtProblem(dueAt, now) ?? 'Choose a due date and time.'}`,
        problem: problem ?? 'chooseDue',
      };
    settings.pacing = 'student';
    settings.dueAt = dueAt;
  }
  return { ok: true, settings };
}
