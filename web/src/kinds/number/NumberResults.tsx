import { useMemo } from 'react';
import { visibleAnswers } from '../../components/results/aggregate.ts';
import { Histogram } from '../../components/results/Histogram.tsx';
import type { KindResultsProps } from '../kind.ts';

/** Number answers: a histogram over the question's range, and the median, mean, min and max. */
export function NumberResults({ question, entries, classes }: KindResultsProps<'number'>) {
  const values = useMemo(() => visibleAnswers(entries, 'number').map((a) => a.value), [entries]);
  return <Histogram values={values} min={question.min} max={question.max} classes={classes} />;
}
