import { useMemo } from 'react';
import { listedEntries, type QuestionOf, type ResultEntry } from './aggregate.ts';
import { cn, type ResultsClasses } from './classes.ts';
import { DrawingThumbnail } from './DrawingThumbnail.tsx';
import { EmptyState } from './EmptyState.tsx';
import { EntryFooter } from './EntryFooter.tsx';

export interface DrawingGridProps {
  question: QuestionOf<'drawing'>;
  entries: readonly ResultEntry[];
  onToggleHidden?: ((studentId: string, hidden: boolean) => void) | undefined;
  classes: ResultsClasses;
}

/** Every drawing as a small replay of its strokes; hidden ones dimmed while moderating. */
export function DrawingGrid({ question, entries, onToggleHidden, classes }: DrawingGridProps) {
  const items = useMemo(
    () => listedEntries(entries, 'drawing', onToggleHidden !== undefined),
    [entries, onToggleHidden],
  );
  if (items.length === 0) return <EmptyState text="No drawings yet." classes={classes} />;
  return (
    <ul className={classes.drawingGrid}>
      {items.map((item, i) => (
        <li
          key={item.studentId ?? `#${item.index}`}
          className={cn(classes.drawingCard, item.hidden && classes.hiddenEntry)}
        >
          <DrawingThumbnail
            strokes={item.answer.strokes}
            backgroundImageUrl={question.backgroundImageUrl}
            label={item.name ? `Drawing by ${item.name}` : `Drawing ${i + 1}`}
            className={classes.drawing}
          />
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
