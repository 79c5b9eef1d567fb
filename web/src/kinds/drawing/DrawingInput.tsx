import { useTranslations } from 'next-intl';
import { useId, useMemo, useState } from 'react';
import { canStartStroke, remainingBudget } from './drawing-budget.ts';
import { PEN_COLOURS, PEN_SIZES } from './drawing-tools.ts';
import { DrawingCanvas } from './DrawingCanvas.tsx';
import { DrawingToolbar } from './DrawingToolbar.tsx';
import { QuestionGroup } from '../../components/answer/QuestionGroup.tsx';
import type { KindInputProps } from '../kind.ts';
import type { DrawingDraft, Stroke } from './kind.ts';

/** Undo steps kept; each is a shared array of strokes, so this costs little memory. */
const UNDO_DEPTH = 100;

/** Canvas, pen tools and the notes around them. */
export function DrawingInput({
  question,
  value,
  onChange,
  disabled,
  errorId,
  contentLanguage,
  classes,
}: KindInputProps<'drawing', DrawingDraft>) {
  const t = useTranslations('kinds.drawing');
  const id = useId();
  const noteId = `${id}-note`;
  const [color, setColor] = useState<string>(PEN_COLOURS[0].hex);
  const [size, setSize] = useState<number>(PEN_SIZES[1].width);
  // Snapshots before each change, so Undo also brings back a drawing wiped by Clear.
  const [history, setHistory] = useState<ReadonlyArray<readonly Stroke[]>>([]);
  const [hitLimit, setHitLimit] = useState(false);
  const full = useMemo(
    () => !canStartStroke(remainingBudget(value), color, size),
    [value, color, size],
  );

  function change(next: readonly Stroke[]) {
    setHistory((h) => [...h, value].slice(-UNDO_DEPTH));
    setHitLimit(false);
    onChange(next);
  }

  function undo() {
    const previous = history.at(-1);
    if (!previous) return;
    setHistory((h) => h.slice(0, -1));
    setHitLimit(false);
    onChange(previous);
  }

  return (
    <QuestionGroup
      prompt={question.prompt}
      hintId={noteId}
      errorId={errorId}
      language={contentLanguage}
      classes={classes}
    >
      <div className={classes.drawing}>
        <p id={noteId} className={classes.hint}>
          {t('hint')}
        </p>
        <DrawingToolbar
          color={color}
          onColor={setColor}
          size={size}
          onSize={setSize}
          canUndo={history.length > 0}
          onUndo={undo}
          canClear={value.length > 0}
          onClear={() => change([])}
          disabled={disabled}
          classes={classes}
        />
        {/* Strokes are the picture's own coordinates: never mirrored in a right-to-left page. */}
        <div className={classes.canvasFrame} dir="ltr">
          {question.backgroundImageUrl ? (
            // The question has no description for this image; the prompt says what to do with it.
            <img
              src={question.backgroundImageUrl}
              alt=""
              className={classes.canvasBackground}
              draggable={false}
            />
          ) : null}
          <DrawingCanvas
            strokes={value}
            color={color}
            width={size}
            disabled={disabled}
            onStroke={(stroke) => change([...value, stroke])}
            onFull={() => setHitLimit(true)}
            label={value.length === 0 ? t('empty') : t('strokes', { count: value.length })}
            describedBy={noteId}
            className={classes.canvas}
          />
        </div>
        <p role="status" className={classes.drawingLimit}>
          {full || hitLimit ? t('full') : ''}
        </p>
      </div>
    </QuestionGroup>
  );
}
