import type { ResultEntry } from './aggregate.ts';
import type { ResultsClasses } from './classes.ts';
import { EntryCards } from './EntryCards.tsx';

export interface TextListProps {
  entries: readonly ResultEntry[];
  onToggleHidden?: ((studentId: string, hidden: boolean) => void) | undefined;
  classes: ResultsClasses;
}

/** Short text answers as cards; while moderating, hidden ones stay listed (dimmed) to be shown again. */
export function TextList({ entries, onToggleHidden, classes }: TextListProps) {
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
