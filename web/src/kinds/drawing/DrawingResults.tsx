import { EntryCards } from '../../components/results/EntryCards.tsx';
import { useResultsText } from '../../components/results/results-text.ts';
import type { KindResultsProps } from '../kind.ts';
import { DrawingThumbnail } from './DrawingThumbnail.tsx';

/** Every drawing as a small replay of its strokes; hidden ones dimmed while moderating. */
export function DrawingResults({
  question,
  entries,
  onToggleHidden,
  classes,
}: KindResultsProps<'drawing'>) {
  const { t } = useResultsText();
  return (
    <EntryCards
      kind="drawing"
      entries={entries}
      onToggleHidden={onToggleHidden}
      classes={classes}
      emptyText={t('noDrawingsYet')}
      listClass={classes.drawingGrid}
      cardClass={classes.drawingCard}
      renderAnswer={(item, position) => (
        <DrawingThumbnail
          strokes={item.answer.strokes}
          backgroundImageUrl={question.backgroundImageUrl}
          label={
            item.name ? t('drawing.by', { name: item.name }) : t('drawing.number', { position })
          }
          className={classes.drawing}
        />
      )}
    />
  );
}
