import { formatCount, formatList, formatPercent } from '../../components/results/format.ts';
import type { ImageChoiceTally } from './aggregate.ts';

/** The chart's text alternative (aria-label); the exact numbers are in its data table. */
export function imageChoiceSummary(tally: ImageChoiceTally, showCorrect: boolean): string {
  const correct = tally.options.filter((o) => o.correct).map((o) => o.alt);
  const correctPart =
    showCorrect && correct.length > 0
      ? ` Correct picture${correct.length > 1 ? 's' : ''}: ${formatList(correct)}.`
      : '';
  if (tally.respondents === 0) return `No responses yet.${correctPart}`;
  const top = Math.max(...tally.options.map((o) => o.count));
  const leaders = tally.options.filter((o) => o.count === top);
  const each = leaders.length > 1 ? ' each' : '';
  const first = leaders[0];
  const lead = first
    ? ` Most chosen: ${formatList(leaders.map((o) => o.alt))}, ${top}${each} (${formatPercent(first.share)}).`
    : '';
  return `${formatCount(tally.respondents, 'response')}.${lead}${correctPart}`;
}
