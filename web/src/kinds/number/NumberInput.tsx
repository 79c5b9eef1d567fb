import { useId } from 'react';
import { idRefs } from '../../components/answer/classes.ts';
import type { KindInputProps, QuestionOf } from '../kind.ts';
import type { NumberDraft } from './kind.ts';

function rangeHint({ min, max }: QuestionOf<'number'>): string | null {
  if (min !== undefined && max !== undefined) return `Enter a number from ${min} to ${max}.`;
  if (min !== undefined) return `Enter a number of at least ${min}.`;
  if (max !== undefined) return `Enter a number of at most ${max}.`;
  return null;
}

/** A number box that shows the allowed range; the raw text is kept until the answer is checked. */
export function NumberInput({
  question,
  value,
  onChange,
  disabled,
  errorId,
  classes,
}: KindInputProps<'number', NumberDraft>) {
  const id = useId();
  const hintId = `${id}-hint`;
  const hint = rangeHint(question);
  // iOS's decimal keypad has no minus key; offer it only when negative numbers are not allowed.
  const negativesAllowed = question.min === undefined || question.min < 0;

  return (
    <div className="field">
      <label htmlFor={id} className={classes.prompt}>
        {question.prompt}
      </label>
      {hint ? (
        <p id={hintId} className={classes.hint}>
          {hint}
        </p>
      ) : null}
      <input
        id={id}
        type="number"
        inputMode={negativesAllowed ? undefined : 'decimal'}
        step="any"
        min={question.min}
        max={question.max}
        value={value}
        onChange={(event) => onChange(event.currentTarget.value)}
        disabled={disabled}
        aria-describedby={idRefs(hint && hintId, errorId)}
        aria-invalid={errorId ? true : undefined}
        className={classes.numberInput}
      />
    </div>
  );
}
