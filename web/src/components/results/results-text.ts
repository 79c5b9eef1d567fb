import { useFormatter, useTranslations } from 'next-intl';
import { useMemo } from 'react';
import { resultsFormat, type ResultsFormat } from './format.ts';

/**
 * The results views' words (`kinds.results`: the student page, which carries only the student's
 * namespaces, shows results after a reveal too) and their number formatting, in the viewer's
 * locale. The views take it from `useResultsText()`; the summaries take it as an argument, so
 * they stay plain functions a test calls with `createTranslator`/`createFormatter`.
 */
export type ResultsT = ReturnType<typeof useTranslations<'kinds.results'>>;

export interface ResultsText {
  t: ResultsT;
  f: ResultsFormat;
}

export function useResultsText(): ResultsText {
  const t = useTranslations('kinds.results');
  const format = useFormatter();
  const f = useMemo(() => resultsFormat(format), [format]);
  return { t, f };
}

/** "3 responses", with the count formatted for the locale. */
export function responsesText({ t, f }: ResultsText, count: number): string {
  return t('responses', { count, n: f.number(count) });
}
