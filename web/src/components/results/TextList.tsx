import { useMemo } from 'react';
import { listedEntries, type ResultEntry } from './aggregate.ts';
import { cn, type ResultsClasses } from './classes.ts';
import { EmptyState } from './EmptyState.tsx';
import { EntryFooter } from './EntryFooter.tsx';

export interface TextListProps {
  entries: readonly ResultEntry[];
  onToggleHidden?: ((studentId: string, hidden: boolean) => void) | undefined;
  classes: ResultsClasses;
}

/** Short text answers as cards; while moderating, hidden ones stay listed (dimmed) to be shown again. */
export function TextList({ entries, onToggleHidden, classes }: TextListProps) {
  const items = useMemo(
    () => listedEntries(entries, 'short-text', onToggleHidden !== undefined),
    [entries, onToggleHidden],
  );
  if (items.length === 0) return <EmptyState text="No answers yet." classes={classes} />;
  return (
    <ul className={classes.textList}>
      {items.map((item, i) => (
        <li
          key={item.studentId ?? `#${item.index}`}
          className={cn(classes.textCard, item.hidden && classes.hiddenEntry)}
        >
          <p className={classes.text}>{item.answer.text}</p>
          <EntryFooter
            name={item.name}
            studentId={item.studentId}
            hidden={item.hidden}
            position={i + 1}
            onToggleHidden={onToggleHidden}
            classes={classes}
          />
        </li>
      ))}
    </ul>
  );
}
