import { visibleAnswers, type ResultEntry } from '../../components/results/aggregate.ts';
import type { QuestionOf } from '../kind.ts';

export interface ScaleTally {
  respondents: number;
  /** One entry per step 1..steps, zeros included. */
  counts: Array<{ value: number; count: number; share: number }>;
  mean: number | null;
}

export function tallyScale(
  question: QuestionOf<'scale'>,
  entries: readonly ResultEntry[],
): ScaleTally {
  const counts = Array.from({ length: question.steps }, () => 0);
  let sum = 0;
  let respondents = 0;
  for (const answer of visibleAnswers(entries, 'scale')) {
    // Values past the last step belong to an older version of the question.
    if (answer.value < 1 || answer.value > question.steps) continue;
    counts[answer.value - 1] = (counts[answer.value - 1] ?? 0) + 1;
    sum += answer.value;
    respondents += 1;
  }
  return {
    respondents,
    counts: counts.map((count, i) => ({
      value: i + 1,
      count,
      share: respondents === 0 ? 0 : count / respondents,
    })),
    mean: respondents === 0 ? null : sum / respondents,
  };
}
