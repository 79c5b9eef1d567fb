import type { MultipleChoiceQuestion } from '@classpulse/realtime/protocol';
import { visibleAnswers, type ResultEntry } from '../../components/results/aggregate.ts';
import {
  tallyOptions,
  type OptionCount,
  type OptionTally,
} from '../../components/results/choice-tally.ts';

export type ChoiceCount = OptionCount<{ label: string }>;
export type ChoiceTally = OptionTally<{ label: string }>;

/** Counts per option in the question's order, zeros included, so the chart never reshuffles. */
export function tallyChoices(
  question: MultipleChoiceQuestion,
  entries: readonly ResultEntry[],
): ChoiceTally {
  return tallyOptions(question, visibleAnswers(entries, 'multiple-choice'), (o) => ({
    label: o.label,
  }));
}
