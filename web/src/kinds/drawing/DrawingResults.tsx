import { EntryCards } from '../../components/results/EntryCards.tsx';
import type { KindResultsProps } from '../kind.ts';
import { DrawingThumbnail } from './DrawingThumbnail.tsx';

/** Every drawing as a small replay of its strokes; hidden ones dimmed while moderating. */
export function DrawingResults({
  question,
  entries,
  onToggleHidden,
  classes,
}: KindResultsProps<'drawing'>) {
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
