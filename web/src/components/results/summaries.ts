import type { ChoiceTally, NumberStats, QuestionOf, ScaleTally, WordCount } from './aggregate.ts';
import { formatCount, formatList, formatMean, formatNumber, formatPercent } from './format.ts';

/**
 * One-sentence text alternatives (aria-label) for the charts: what a sighted teacher takes in at
 * a glance. The exact numbers are in each chart's data table.
 */

export function choiceSummary(tally: ChoiceTally, showCorrect: boolean): string {
  const correct = tally.options.filter((o) => o.correct).map((o) => o.label);
  const correctPart =
    showCorrect && correct.length > 0
      ? ` Correct answer${correct.length > 1 ? 's' : ''}: ${formatList(correct)}.`
      : '';
  if (tally.respondents === 0) return `No responses yet.${correctPart}`;
  const top = Math.max(...tally.options.map((o) => o.count));
  const leaders = tally.options.filter((o) => o.count === top);
  const each = leaders.length > 1 ? ' each' : '';
  const first = leaders[0];
  const lead = first
    ? ` Most chosen: ${formatList(leaders.map((o) => o.label))}, ${top}${each} (${formatPercent(first.share)}).`
    : '';
  return `${formatCount(tally.respondents, 'response')}.${lead}${correctPart}`;
}

export function scaleSummary(question: QuestionOf<'scale'>, tally: ScaleTally): string {
  const end = (value: number, label: string | undefined) =>
    label ? `${value} (${label})` : `${value}`;
  const range = `Scale from ${end(1, question.minLabel)} to ${end(question.steps, question.maxLabel)}`;
  if (tally.mean === null) return `${range}: no responses yet.`;
  return `${range}: ${formatCount(tally.respondents, 'response')}, mean ${formatMean(tally.mean)}.`;
}

export function numberSummary(stats: NumberStats): string {
  const spread =
    stats.min === stats.max
      ? `all ${formatNumber(stats.min)}`
      : `from ${formatNumber(stats.min)} to ${formatNumber(stats.max)}`;
  return `Histogram of ${formatCount(stats.count, 'answer')} ${spread}; median ${formatNumber(stats.median)}, mean ${formatNumber(stats.mean)}.`;
}

export function wordSummary(words: readonly WordCount[], respondents: number): string {
  const top = words
    .slice(0, 3)
    .map((w) => `${w.word} (${w.count})`)
    .join(', ');
  return `Word cloud of ${formatCount(words.length, 'word')} from ${formatCount(respondents, 'response')}. Most frequent: ${top}.`;
}

export const REGION_NAMES = [
  ['top left', 'top middle', 'top right'],
  ['middle left', 'center', 'middle right'],
  ['bottom left', 'bottom middle', 'bottom right'],
] as const;

export function pinSummary(imageAlt: string, pinCount: number, regions: number[][]): string {
  if (pinCount === 0) return `${imageAlt}. No pins yet.`;
  const cells = regions.flatMap((row, r) =>
    row.map((count, c) => ({ count, name: REGION_NAMES[r]?.[c] ?? '' })),
  );
  const top = Math.max(...cells.map((cell) => cell.count));
  const busiest = cells.filter((cell) => cell.count === top).map((cell) => cell.name);
  return `${imageAlt}, with ${formatCount(pinCount, 'pin')}. Most pins: ${formatList(busiest)} (${top}${busiest.length > 1 ? ' each' : ''}).`;
}
