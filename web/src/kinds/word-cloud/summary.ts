import { formatCount } from '../../components/results/format.ts';
import type { WordCount } from './aggregate.ts';

/** The cloud's text alternative (aria-label); the exact numbers are in its data table. */
export function wordSummary(words: readonly WordCount[], respondents: number): string {
  const top = words
    .slice(0, 3)
    .map((w) => `${w.word} (${w.count})`)
    .join(', ');
  return `Word cloud of ${formatCount(words.length, 'word')} from ${formatCount(respondents, 'response')}. Most frequent: ${top}.`;
}
