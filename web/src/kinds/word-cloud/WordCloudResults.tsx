import { useId, useMemo } from 'react';
import { visibleAnswers } from '../../components/results/aggregate.ts';
import { cn } from '../../components/results/classes.ts';
import { DataTable } from '../../components/results/DataTable.tsx';
import { EmptyState } from '../../components/results/EmptyState.tsx';
import { useResultsText } from '../../components/results/results-text.ts';
import type { KindResultsProps } from '../kind.ts';
import { groupWords, type WordCount } from './aggregate.ts';
import { wordSummary } from './summary.ts';

/** More words than this turn a cloud into noise; the rest are still counted. */
const CLOUD_MAX = 60;
const TOP_LIST = 10;
/** Discrete sizes (classes size1..size6) instead of inline font sizes: calmer, and CSP-safe. */
const SIZE_STEPS = 6;
const PALETTE = 6;

/** Size step by the square root of the count, so a word's area rather than height tracks it. */
function sizeStep(count: number, min: number, max: number): number {
  if (max === min) return Math.ceil(SIZE_STEPS / 2);
  const t = (Math.sqrt(count) - Math.sqrt(min)) / (Math.sqrt(max) - Math.sqrt(min));
  return 1 + Math.round(t * (SIZE_STEPS - 1));
}

/** Biggest words in the middle: alternate the ranked words to the right and the left. */
function centreOut(words: readonly WordCount[]): Array<WordCount & { rank: number }> {
  const arranged: Array<WordCount & { rank: number }> = [];
  words.forEach((word, rank) => {
    if (rank % 2 === 0) arranged.push({ ...word, rank });
    else arranged.unshift({ ...word, rank });
  });
  return arranged;
}

/** Words sized by how many students sent them, the top ten as a list, and the counts as a table. */
export function WordCloudResults({ entries, classes }: KindResultsProps<'word-cloud'>) {
  const listId = useId();
  const text = useResultsText();
  const { t, f } = text;
  const words = useMemo(() => groupWords(entries), [entries]);
  const respondents = useMemo(() => visibleAnswers(entries, 'word-cloud').length, [entries]);
  if (words.length === 0) return <EmptyState text={t('noWordsYet')} classes={classes} />;

  const shown = words.slice(0, CLOUD_MAX);
  const max = shown[0]?.count ?? 1;
  const min = shown[shown.length - 1]?.count ?? 1;
  return (
    <div className={classes.wordLayout}>
      <div role="img" aria-label={wordSummary(words, respondents, text)} className={classes.cloud}>
        {centreOut(shown).map((w) => (
          <span
            key={w.key}
            className={cn(
              classes.cloudWord,
              classes[`size${sizeStep(w.count, min, max)}`],
              classes[`colour${(w.rank % PALETTE) + 1}`],
            )}
          >
            {w.word}
          </span>
        ))}
      </div>
      <div className={classes.topWords}>
        <p id={listId} className={classes.listTitle}>
          {t('words.top')}
        </p>
        <ol aria-labelledby={listId} className={classes.topList}>
          {words.slice(0, TOP_LIST).map((w) => (
            <li key={w.key} className={classes.topItem}>
              <span className={classes.topWord}>{w.word}</span>{' '}
              <span className={classes.topCount}>{f.number(w.count)}</span>
            </li>
          ))}
        </ol>
      </div>
      <DataTable
        caption={t('words.caption')}
        columns={[t('words.wordColumn'), t('responsesColumn')]}
        rows={shown.map((w) => ({ key: w.key, cells: [w.word, w.count] }))}
      />
    </div>
  );
}
