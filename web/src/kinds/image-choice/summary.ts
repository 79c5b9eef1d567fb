import type { ResultsText } from '../../components/results/results-text.ts';
import { choiceSentence } from '../../components/results/summaries.ts';
import type { ImageChoiceTally } from './aggregate.ts';

/** The chart's text alternative (aria-label); the exact numbers are in its data table. */
export function imageChoiceSummary(
  tally: ImageChoiceTally,
  showCorrect: boolean,
  text: ResultsText,
): string {
  const correct = tally.options.filter((o) => o.correct).map((o) => o.alt);
  const correctPart =
    showCorrect && correct.length > 0
      ? text.t('imageChoice.correctPart', { count: correct.length, pictures: text.f.list(correct) })
      : '';
  return choiceSentence(tally, correctPart, (o) => o.alt, text);
}
