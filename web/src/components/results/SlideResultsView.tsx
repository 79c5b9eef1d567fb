import type { Question } from '@classpulse/realtime/protocol';
import type { ResultEntry } from './aggregate.ts';
import { ChoiceResults } from './ChoiceResults.tsx';
import { cn, type ResultsClasses } from './classes.ts';
import { DrawingGrid } from './DrawingGrid.tsx';
import { formatCount } from './format.ts';
import { Histogram } from './Histogram.tsx';
import { PinMap } from './PinMap.tsx';
import { ScaleResults } from './ScaleResults.tsx';
import { TextList } from './TextList.tsx';
import { WordCloud } from './WordCloud.tsx';

export interface SlideResultsProps {
  question: Question;
  entries: ReadonlyArray<ResultEntry>;
  /** `projector`: readable from the back of a classroom; `dashboard`: compact. */
  size?: 'dashboard' | 'projector';
  correctRevealed?: boolean;
  /** Given on the teacher dashboard: lists show hidden answers dimmed, with Hide / Show buttons. */
  onToggleHidden?: (studentId: string, hidden: boolean) => void;
}

/**
 * The live results of one slide, with the view chosen by question kind. Takes its class names
 * as a prop; SlideResults.tsx binds the stylesheet.
 */
export function SlideResultsView({
  question,
  entries,
  size = 'dashboard',
  correctRevealed = false,
  onToggleHidden,
  classes,
}: SlideResultsProps & { classes: ResultsClasses }) {
  let visible = 0;
  let hidden = 0;
  for (const entry of entries) {
    if (entry.answer.kind !== question.kind) continue;
    if (entry.hidden) hidden += 1;
    else visible += 1;
  }
  return (
    <div className={cn(classes.root, classes[size])}>
      <p className={classes.summary}>
        {formatCount(visible, 'response')}
        {/* Only the moderating teacher learns that something was hidden, never the class. */}
        {onToggleHidden && hidden > 0 ? ` · ${hidden} hidden` : null}
      </p>
      <KindView
        question={question}
        entries={entries}
        size={size}
        correctRevealed={correctRevealed}
        onToggleHidden={onToggleHidden}
        classes={classes}
      />
    </div>
  );
}

function KindView({
  question,
  entries,
  size,
  correctRevealed,
  onToggleHidden,
  classes,
}: Required<Omit<SlideResultsProps, 'onToggleHidden'>> &
  Pick<SlideResultsProps, 'onToggleHidden'> & { classes: ResultsClasses }) {
  switch (question.kind) {
    case 'multiple-choice':
      return (
        <ChoiceResults
          question={question}
          entries={entries}
          correctRevealed={correctRevealed}
          classes={classes}
        />
      );
    case 'scale':
      return <ScaleResults question={question} entries={entries} classes={classes} />;
    case 'number':
      return <Histogram question={question} entries={entries} classes={classes} />;
    case 'word-cloud':
      return <WordCloud entries={entries} classes={classes} />;
    case 'short-text':
      return <TextList entries={entries} onToggleHidden={onToggleHidden} classes={classes} />;
    case 'drawing':
      return (
        <DrawingGrid
          question={question}
          entries={entries}
          onToggleHidden={onToggleHidden}
          classes={classes}
        />
      );
    case 'pin-on-image':
      return <PinMap question={question} entries={entries} size={size} classes={classes} />;
  }
}
