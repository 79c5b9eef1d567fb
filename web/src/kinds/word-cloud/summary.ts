import type { ResultsText } from '../../components/results/results-text.ts';
import type { WordCount } from './aggregate.ts';

/** The cloud's text alternative (aria-label); the exact numbers are in its data table. */
export function wordSummary(
  words: readonly WordCount[],
  respondents: number,
  { t, f }: ResultsText,
): string {
  const top = words
    .slice(0, 3)
    .map((w) => t('words.wordCount', { word: w.word, count: f.number(w.count) }))
    .join(t('separator'));
  return t('words.summary', {
    words: words.length,
    w: f.number(words.length),
    count: respondents,
    n: f.number(respondents),
    top,
  });
}
