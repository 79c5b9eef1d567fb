import { formatCount, formatMean } from '../../components/results/format.ts';
import type { QuestionOf } from '../kind.ts';
import type { ScaleTally } from './aggregate.ts';

/** The chart's text alternative (aria-label); the exact numbers are in its data table. */
export function scaleSummary(question: QuestionOf<'scale'>, tally: ScaleTally): string {
  const end = (value: number, label: string | undefined) =>
    label ? `${value} (${label})` : `${value}`;
  const range = `Scale from ${end(1, question.minLabel)} to ${end(question.steps, question.maxLabel)}`;
  if (tally.mean === null) return `${range}: no responses yet.`;
  return `${range}: ${formatCount(tally.respondents, 'response')}, mean ${formatMean(tally.mean)}.`;
}
