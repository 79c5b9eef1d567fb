import { responsesText, type ResultsText } from '../../components/results/results-text.ts';
import type { QuestionOf } from '../kind.ts';
import type { ScaleTally } from './aggregate.ts';

/** A step of the scale with its end label if it has one: "1 (Not at all)". */
export function scaleStep(value: number, label: string | undefined, { t, f }: ResultsText): string {
  return label ? t('scale.stepWithLabel', { value: f.number(value), label }) : f.number(value);
}

/** The chart's text alternative (aria-label); the exact numbers are in its data table. */
export function scaleSummary(
  question: QuestionOf<'scale'>,
  tally: ScaleTally,
  text: ResultsText,
): string {
  const { t, f } = text;
  const range = t('scale.range', {
    from: scaleStep(1, question.minLabel, text),
    to: scaleStep(question.steps, question.maxLabel, text),
  });
  if (tally.mean === null) return t('scale.none', { range });
  return t('scale.summary', {
    range,
    responses: responsesText(text, tally.respondents),
    mean: f.mean(tally.mean),
  });
}
