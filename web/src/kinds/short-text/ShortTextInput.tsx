import { useTranslations } from 'next-intl';
import { useId } from 'react';
import { cn, idRefs } from '../../components/answer/classes.ts';
import { contentLanguage as langOf } from '../../lib/content-language.ts';
import type { KindInputProps } from '../kind.ts';
import type { ShortTextDraft } from './kind.ts';

/** A textarea with a live character count against the question's limit. */
export function ShortTextInput({
  question,
  value,
  onChange,
  disabled,
  errorId,
  contentLanguage,
  classes,
}: KindInputProps<'short-text', ShortTextDraft>) {
  const t = useTranslations('kinds.shortText');
  const id = useId();
  const counterId = `${id}-counter`;
  const max = question.maxLength;
  // Warn in the last tenth so the limit is no surprise.
  const nearLimit = value.length >= max * 0.9;

  return (
    <div className="field">
      <label htmlFor={id} className={classes.prompt} data-read-part="" {...langOf(contentLanguage)}>
        {question.prompt}
      </label>
      <textarea
        id={id}
        rows={4}
        maxLength={max}
        value={value}
        onChange={(event) => onChange(event.currentTarget.value)}
        disabled={disabled}
        aria-describedby={idRefs(counterId, errorId)}
        aria-invalid={errorId ? true : undefined}
        className={classes.textarea}
      />
      <p id={counterId} className={cn(classes.counter, nearLimit && classes.counterNear)}>
        {t('counter', { count: value.length, max })}
      </p>
    </div>
  );
}
