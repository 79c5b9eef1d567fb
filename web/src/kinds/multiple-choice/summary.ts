import type { ResultsText } from '../../components/results/results-text.ts';
import { choiceSentence } from '../../components/results/summaries.ts';
import type { ChoiceTally } from './aggregate.ts';

/** The chart's text alternative (aria-label); the exact numbers are in its data table. */
export function choiceSummary(tally: ChoiceTally, showCorrect: boolean, text: ResultsText): string {
  const { t, f } = text;
  const correct = tally.options.filter((o) => o.correct).map((o) => o.label);
  const correctPart =
    showCorrect && correct.length > 0
      ? t('choice.correctPart', { count: correct.length, answers: f.list(correct) })
      : '';
  return choiceSentence(tally, correctPart, (o) => o.label, text);
}
