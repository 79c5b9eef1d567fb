/**
 * Counting for every kind whose answer is a set of chosen options (multiple choice, image choice):
 * each kind says only what an option shows (its label, or its picture and alt text).
 */

/** One option's votes, with what the kind shows of it (`D`). */
export type OptionCount<D> = D & {
  id: string;
  count: number;
  /** count / respondents; with multiple selection the shares add up to more than 1. */
  share: number;
  correct: boolean;
};

export interface OptionTally<D> {
  respondents: number;
  options: OptionCount<D>[];
}

/** Counts per option in the question's order, zeros included, so the chart never reshuffles. */
export function tallyOptions<O extends { id: string }, D>(
  question: { options: readonly O[]; correctOptionIds?: readonly string[] | undefined },
  answers: readonly { optionIds: readonly string[] }[],
  shown: (option: O) => D,
): OptionTally<D> {
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
        ...shown(o),
        id: o.id,
        count,
        share: respondents === 0 ? 0 : count / respondents,
        correct: correct.has(o.id),
      };
    }),
  };
}
