import type { MultipleChoiceQuestion } from '@classpulse/realtime/protocol';
import { visibleAnswers, type ResultEntry } from '../../components/results/aggregate.ts';

export interface ChoiceCount {
  id: string;
  label: string;
  count: number;
  /** count / respondents; with multiple selection the shares add up to more than 1. */
  share: number;
  correct: boolean;
}

export interface ChoiceTally {
  respondents: number;
  options: ChoiceCount[];
}

/** Counts per option in the question's order, zeros included, so the chart never reshuffles. */
export function tallyChoices(
  question: MultipleChoiceQuestion,
  entries: readonly ResultEntry[],
): ChoiceTally {
  const answers = visibleAnswers(entries, 'multiple-choice');
  const counts = new Map<string, number>(question.options.map((o) => [o.id, 0]));
  for (const answer of answers) {
    // A Set: an option listed twice in one answer is still one vote.
    for (const id of new Set(answer.optionIds)) {
      const count = counts.get(id);
      if (count !== undefined) counts.set(id, count + 1);
    }
  }
  const correct = new Set(question.correctOptionIds ?? []);
  const respondents = answers.length;
  return {
    respondents,
    options: question.options.map((o) => {
      const count = counts.get(o.id) ?? 0;
      return {
        id: o.id,
        label: o.label,
        count,
        share: respondents === 0 ? 0 : count / respondents,
        correct: correct.has(o.id),
      };
    }),
  };
}
