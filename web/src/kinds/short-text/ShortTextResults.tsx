import { EntryCards } from '../../components/results/EntryCards.tsx';
import { useResultsText } from '../../components/results/results-text.ts';
import type { KindResultsProps } from '../kind.ts';

/** Short text answers as cards; while moderating, hidden ones stay listed (dimmed) to be shown again. */
export function ShortTextResults({
  entries,
  onToggleHidden,
  classes,
}: KindResultsProps<'short-text'>) {
  const { t } = useResultsText();
  return (
    <EntryCards
      kind="short-text"
      entries={entries}
      onToggleHidden={onToggleHidden}
      classes={classes}
      emptyText={t('noAnswersYet')}
      listClass={classes.textList}
      cardClass={classes.textCard}
      renderAnswer={(item) => <p className={classes.text}>{item.answer.text}</p>}
    />
  );
}
