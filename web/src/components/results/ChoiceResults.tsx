import type { MultipleChoiceQuestion } from '@classpulse/realtime/protocol';
import { useMemo } from 'react';
import { tallyChoices, type ResultEntry } from './aggregate.ts';
import { BarChart, type BarItem } from './BarChart.tsx';
import type { ResultsClasses } from './classes.ts';
import { DataTable } from './DataTable.tsx';
import { formatPercent } from './format.ts';
import { choiceSummary } from './summaries.ts';

export interface ChoiceResultsProps {
  question: MultipleChoiceQuestion;
  entries: readonly ResultEntry[];
  correctRevealed: boolean;
  classes: ResultsClasses;
}

/** Multiple choice: every option with its count and share, the correct ones marked once revealed. */
export function ChoiceResults({ question, entries, correctRevealed, classes }: ChoiceResultsProps) {
  const tally = useMemo(() => tallyChoices(question, entries), [question, entries]);
  // A poll has no correct options; revealing one must not grey out every bar.
  const showCorrect = correctRevealed && tally.options.some((o) => o.correct);
  const items: BarItem[] = tally.options.map((o) => ({
    key: o.id,
    label: o.label,
    count: o.count,
    share: o.share,
    tone: showCorrect ? (o.correct ? 'correct' : 'other') : 'plain',
    badge: showCorrect && o.correct ? 'correct' : undefined,
  }));
  return (
    <>
      <BarChart items={items} ariaLabel={choiceSummary(tally, showCorrect)} classes={classes} />
      <DataTable
        caption="Responses per option"
        columns={['Option', 'Responses', 'Percent', ...(showCorrect ? ['Correct'] : [])]}
        rows={tally.options.map((o) => ({
          key: o.id,
          cells: [
            o.label,
            o.count,
            formatPercent(o.share),
            ...(showCorrect ? [o.correct ? 'Yes' : 'No'] : []),
          ],
        }))}
      />
    </>
  );
}
