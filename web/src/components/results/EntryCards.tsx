import { useMemo, type ReactNode } from 'react';
import type { Answer } from '@classpulse/realtime/protocol';
import { listedEntries, type ListedEntry, type ResultEntry } from './aggregate.ts';
import { cn, type ResultsClasses } from './classes.ts';
import { EmptyState } from './EmptyState.tsx';
import { EntryFooter } from './EntryFooter.tsx';

export interface EntryCardsProps<K extends Answer['kind']> {
  kind: K;
  entries: readonly ResultEntry[];
  onToggleHidden?: ((studentId: string, hidden: boolean) => void) | undefined;
  classes: ResultsClasses;
  emptyText: string;
  listClass: string | undefined;
  cardClass: string | undefined;
  /** The answer itself; `position` is 1-based. */
  renderAnswer: (item: ListedEntry<K>, position: number) => ReactNode;
}

/**
 * Answers listed one card each (short texts, drawings), with whose it is and, while the teacher
 * moderates, hidden ones kept (dimmed) so they can be shown again.
 */
export function EntryCards<K extends Answer['kind']>({
  kind,
  entries,
  onToggleHidden,
  classes,
  emptyText,
  listClass,
  cardClass,
  renderAnswer,
}: EntryCardsProps<K>) {
  const items = useMemo(
    () => listedEntries(entries, kind, onToggleHidden !== undefined),
    [entries, kind, onToggleHidden],
  );
  if (items.length === 0) return <EmptyState text={emptyText} classes={classes} />;
  return (
    <ul className={listClass}>
      {items.map((item, i) => (
        <li
          key={item.studentId ?? `#${item.index}`}
          className={cn(cardClass, item.hidden && classes.hiddenEntry)}
        >
          {renderAnswer(item, i + 1)}
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
