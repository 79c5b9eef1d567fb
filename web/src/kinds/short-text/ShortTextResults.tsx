import { EntryCards } from '../../components/results/EntryCards.tsx';
import type { KindResultsProps } from '../kind.ts';

/** Short text answers as cards; while moderating, hidden ones stay listed (dimmed) to be shown again. */
export function ShortTextResults({
  entries,
  onToggleHidden,
  classes,
}: KindResultsProps<'short-text'>) {
  return (
    <EntryCards
      kind="short-text"
      entries={entries}
      onToggleHidden={onToggleHidden}
      classes={classes}
      emptyText="No answers yet."
      listClass={classes.textList}
      cardClass={classes.textCard}
      renderAnswer={(item) => <p className={classes.text}>{item.answer.text}</p>}
    />
  );
}
