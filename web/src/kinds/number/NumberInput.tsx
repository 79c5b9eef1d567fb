import { useFormatter, useLocale, useTranslations } from 'next-intl';
import { useId, useState } from 'react';
import { idRefs } from '../../components/answer/classes.ts';
import { contentLanguage as langOf } from '../../lib/content-language.ts';
import { parseLocaleNumber } from '../../lib/locale-number.ts';
import type { KindInputProps } from '../kind.ts';
import type { NumberDraft } from './kind.ts';

/** The draft the form judges: the typed number in canonical form ("3,5" → "3.5"), else the text. */
function canonical(text: string, locale: string): NumberDraft {
  const value = parseLocaleNumber(text, locale);
  return value === null ? text : String(value);
}

/**
 * A number box that shows the allowed range. It takes the student's own decimal separator ("3,5"
 * in Spanish, Arabic-Indic digits): the box keeps what they typed, the draft the one number it
 * means, so the answer stored is the same whatever the language.
 */
export function NumberInput({
  question,
  value,
  onChange,
  disabled,
  errorId,
  contentLanguage,
  classes,
}: KindInputProps<'number', NumberDraft>) {
  const t = useTranslations('kinds.number');
  const format = useFormatter();
  const locale = useLocale();
  const id = useId();
  const hintId = `${id}-hint`;
  const { min, max } = question;
  const hint =
    min !== undefined && max !== undefined
      ? t('range', { min, max })
      : min !== undefined
        ? t('atLeast', { min })
        : max !== undefined
          ? t('atMost', { max })
          : null;
  // An earlier answer (a number) shows in the student's own notation.
  const shown = (draft: NumberDraft) =>
    draft !== '' && Number.isFinite(Number(draft))
      ? format.number(Number(draft), { useGrouping: false, maximumFractionDigits: 20 })
      : draft;
  const [text, setText] = useState(() => shown(value));
  if (canonical(text, locale) !== value && value !== text) {
    // The draft changed from outside (another slide, an earlier answer arriving): show it.
    setText(shown(value));
  }
  // iOS's decimal keypad has no minus key; offer it only when negative numbers are not allowed.
  const negativesAllowed = min === undefined || min < 0;

  return (
    <div className="field">
      <label htmlFor={id} className={classes.prompt} data-read-part="" {...langOf(contentLanguage)}>
        {question.prompt}
      </label>
      {hint ? (
        <p id={hintId} className={classes.hint}>
          {hint}
        </p>
      ) : null}
      <input
        id={id}
        // Text, not "number": a number box refuses "3,5" in an English browser and empties it.
        type="text"
        inputMode={negativesAllowed ? undefined : 'decimal'}
        autoComplete="off"
        spellCheck={false}
        dir="ltr"
        value={text}
        onChange={(event) => {
          const typed = event.currentTarget.value;
          setText(typed);
          onChange(canonical(typed, locale));
        }}
        disabled={disabled}
        aria-describedby={idRefs(hint && hintId, errorId)}
        aria-invalid={errorId ? true : undefined}
        className={classes.numberInput}
      />
    </div>
  );
}
