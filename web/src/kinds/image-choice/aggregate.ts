import { visibleAnswers, type ResultEntry } from '../../components/results/aggregate.ts';
import {
  tallyOptions,
  type OptionCount,
  type OptionTally,
} from '../../components/results/choice-tally.ts';
import type { QuestionOf } from '../kind.ts';

type Picture = { alt: string; imageUrl: string };
export type ImageChoiceCount = OptionCount<Picture>;
export type ImageChoiceTally = OptionTally<Picture>;

/** Counts per picture in the question's order, zeros included, so the chart never reshuffles. */
export function tallyImageChoices(
  question: QuestionOf<'image-choice'>,
  entries: readonly ResultEntry[],
): ImageChoiceTally {
  return tallyOptions(question, visibleAnswers(entries, 'image-choice'), (o) => ({
    alt: o.alt,
    imageUrl: o.imageUrl,
  }));
}
