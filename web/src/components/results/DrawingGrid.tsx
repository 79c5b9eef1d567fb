import type { QuestionOf, ResultEntry } from './aggregate.ts';
import type { ResultsClasses } from './classes.ts';
import { DrawingThumbnail } from './DrawingThumbnail.tsx';
import { EntryCards } from './EntryCards.tsx';

export interface DrawingGridProps {
  question: QuestionOf<'drawing'>;
  entries: readonly ResultEntry[];
  onToggleHidden?: ((studentId: string, hidden: boolean) => void) | undefined;
  classes: ResultsClasses;
}

/** Every drawing as a small replay of its strokes; hidden ones dimmed while moderating. */
export function DrawingGrid({ question, entries, onToggleHidden, classes }: DrawingGridProps) {
  return (
    <EntryCards
      kind="drawing"
      entries={entries}
      onToggleHidden={onToggleHidden}
      classes={classes}
      emptyText="No drawings yet."
      listClass={classes.drawingGrid}
      cardClass={classes.drawingCard}
      renderAnswer={(item, position) => (
        <DrawingThumbnail
          strokes={item.answer.strokes}
          backgroundImageUrl={question.backgroundImageUrl}
          label={item.name ? `Drawing by ${item.name}` : `Drawing ${position}`}
          className={classes.drawing}
        />
      )}
    />
  );
}
