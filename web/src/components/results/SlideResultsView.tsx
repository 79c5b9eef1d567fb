import type { Question, QuestionKind } from '@classpulse/realtime/protocol';
import type { ComponentType } from 'react';
import type { KindResultsProps } from '../../kinds/kind.ts';
import { KIND_RESULTS } from '../../kinds/results.ts';
import type { ResultEntry } from './aggregate.ts';
import { cn, type ResultsClasses } from './classes.ts';
import { responsesText, useResultsText } from './results-text.ts';

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
 * The live results of one slide, with the view of the question's kind (kinds/results.ts). Takes
 * its class names as a prop; SlideResults.tsx binds the stylesheet.
 */
export function SlideResultsView({
  question,
  entries,
  size = 'dashboard',
  correctRevealed = false,
  onToggleHidden,
  classes,
}: SlideResultsProps & { classes: ResultsClasses }) {
  // A union question cannot be tied to its kind's view by the type checker; both are of one kind.
  const KindView = KIND_RESULTS[question.kind] as ComponentType<KindResultsProps<QuestionKind>>;
  const text = useResultsText();
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
        {/* Only the moderating teacher learns that something was hidden, never the class. */}
        {onToggleHidden && hidden > 0
          ? text.t('withHidden', {
              responses: responsesText(text, visible),
              hidden: text.f.number(hidden),
            })
          : responsesText(text, visible)}
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
