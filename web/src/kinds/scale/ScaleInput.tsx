import { useId } from 'react';
import { cn } from '../../components/answer/classes.ts';
import { contentLanguage as langOf } from '../../lib/content-language.ts';
import { QuestionGroup } from '../../components/answer/QuestionGroup.tsx';
import type { KindInputProps } from '../kind.ts';
import type { ScaleDraft } from './kind.ts';

/** Radio buttons 1..steps drawn as a row of large buttons, with the end labels underneath. */
export function ScaleInput({
  question,
  value,
  onChange,
  disabled,
  errorId,
  contentLanguage,
  classes,
}: KindInputProps<'scale', ScaleDraft>) {
  const id = useId();
  const { steps, minLabel, maxLabel } = question;
  const values = Array.from({ length: steps }, (_, i) => i + 1);
  // Long scales wrap into two even rows on phones (see .scaleRow in the stylesheet).
  const columns = steps <= 5 ? steps : Math.ceil(steps / 2);

  // The end labels are part of the first and last buttons' names, so screen readers hear them there.
  function endLabel(n: number): string | undefined {
    if (n === 1 && minLabel) return minLabel;
    if (n === steps && maxLabel) return maxLabel;
    return undefined;
  }

  return (
    <QuestionGroup
      prompt={question.prompt}
      errorId={errorId}
      language={contentLanguage}
      classes={classes}
    >
      <div className={classes.scaleRow} data-columns={columns}>
        {values.map((n) => {
          const label = endLabel(n);
          return (
            <label key={n} className={classes.scaleStep}>
              <input
                type="radio"
                name={`${id}-scale`}
                value={n}
                checked={value === n}
                onChange={() => onChange(n)}
                disabled={disabled}
                className={cn('visually-hidden', classes.scaleInput)}
              />
              <span className={classes.scaleFace}>
                {label ? (
                  // One hidden text for the whole name: Chrome would put a space before the comma.
                  <>
                    <span aria-hidden="true">{String(n)}</span>
                    <span className="visually-hidden">{`${n}, ${label}`}</span>
                  </>
                ) : (
                  String(n)
                )}
              </span>
            </label>
          );
        })}
      </div>
      {minLabel || maxLabel ? (
        <div className={classes.scaleEnds} aria-hidden="true" {...langOf(contentLanguage)}>
          <span>{minLabel}</span>
          <span>{maxLabel}</span>
        </div>
      ) : null}
    </QuestionGroup>
  );
}
