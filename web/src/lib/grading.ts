import {
  answerScore,
  questionPoints,
  type Answer,
  type Question,
  type QuestionKind,
} from '@classpulse/realtime/protocol';
import type { QuestionOf } from '../kinds/kind.ts';
import { webKind } from '../kinds/registry.ts';

/**
 * How an answer did against the question's correct answer, in the words every screen uses (the
 * student's own answer, the dashboard's list, the report). Pure: the student page imports it, so
 * it stays clear of the engine (its first load has a budget).
 */
export type Verdict = 'correct' | 'partly' | 'incorrect';

export const VERDICT_TEXT: Record<Verdict, string> = {
  correct: 'Correct',
  partly: 'Partly correct',
  incorrect: 'Incorrect',
};

/** A share of the points (0–1) as a verdict: all of them, some, or none. */
export function verdictOf(share: number): Verdict {
  return share >= 1 ? 'correct' : share > 0 ? 'partly' : 'incorrect';
}

export interface Grade {
  verdict: Verdict;
  /** Points earned, without quiz mode's speed bonus (two decimals at most). */
  points: number;
  /** What a fully correct answer earns. */
  of: number;
}

/** An answer's grade, or null when the question has no correct answer (a poll). */
export function gradeOf(question: Question, answer: Answer): Grade | null {
  const share = answerScore(question, answer);
  if (share === null) return null;
  const of = questionPoints(question);
  return { verdict: verdictOf(share), points: roundPoints(of * share), of };
}

/** Points shown with at most two decimals, as the engine rounds them. */
export function roundPoints(points: number): number {
  return Math.round(points * 100) / 100;
}

/** "1 point", "2.5 points". */
export function formatPoints(points: number): string {
  return `${points.toLocaleString('en')} point${points === 1 ? '' : 's'}`;
}

/** Whole percent of `part` in `whole`, or null with nothing to count. */
export function percentOf(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.round((part / whole) * 1000) / 10;
}

/**
 * The correct answer in words, from the question's kind (kinds/<kind>/kind.ts), or null; joined
 * and numbered in `language` (the deck's, else the page's).
 */
export function correctText(question: Question, language?: string): string | null {
  const kind = webKind(question.kind) as {
    correctText?: (q: QuestionOf<QuestionKind>, language?: string) => string | null;
  };
  return kind.correctText?.(question, language) ?? null;
}
