import { visibleAnswers, type ResultEntry } from '../../components/results/aggregate.ts';
import type { QuestionOf } from '../kind.ts';

export interface ImageChoiceCount {
  id: string;
  alt: string;
  imageUrl: string;
  count: number;
  /** count / respondents; with multiple selection the shares add up to more than 1. */
  share: number;
  correct: boolean;
}

export interface ImageChoiceTally {
  respondents: number;
  options: ImageChoiceCount[];
}

/** Counts per picture in the question's order, zeros included, so the chart never reshuffles. */
export function tallyImageChoices(
  question: QuestionOf<'image-choice'>,
  entries: readonly ResultEntry[],
): ImageChoiceTally {
  const answers = visibleAnswers(entries, 'image-choice');
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
        alt: o.alt,
        imageUrl: o.imageUrl,
        count,
        share: respondents === 0 ? 0 : count / respondents,
        correct: correct.has(o.id),
      };
    }),
  };
}
