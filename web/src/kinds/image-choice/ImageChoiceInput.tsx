import { useTranslations } from 'next-intl';
import { useId } from 'react';
import { QuestionGroup } from '../../components/answer/QuestionGroup.tsx';
import { contentLanguage as langOf } from '../../lib/content-language.ts';
import type { KindInputProps } from '../kind.ts';
import type { ImageChoiceDraft } from './kind.ts';

/**
 * The pictures as radio buttons, or checkboxes when several may be chosen. Each whole picture is
 * the tap target, and its description (alt text) is the control's accessible name.
 */
export function ImageChoiceInput({
  question,
  value,
  onChange,
  disabled,
  errorId,
  contentLanguage,
  classes,
}: KindInputProps<'image-choice', ImageChoiceDraft>) {
  const t = useTranslations('kinds.common');
  const id = useId();
  const hintId = `${id}-hint`;
  const multiple = question.allowMultiple;

  function toggle(optionId: string, checked: boolean) {
    if (!multiple) return onChange([optionId]);
    const chosen = new Set(value);
    if (checked) chosen.add(optionId);
    else chosen.delete(optionId);
    // Keep the teacher's option order, whatever order they were ticked in.
    onChange(question.options.filter((o) => chosen.has(o.id)).map((o) => o.id));
  }

  return (
    <QuestionGroup
      prompt={question.prompt}
      hintId={multiple && hintId}
      errorId={errorId}
      language={contentLanguage}
      classes={classes}
    >
      {multiple ? (
        <p id={hintId} className={classes.hint}>
          {t('chooseAll')}
        </p>
      ) : null}
      <div className={classes.imageChoiceList}>
        {question.options.map((option) => (
          <label key={option.id} className={classes.imageChoice}>
            <input
              type={multiple ? 'checkbox' : 'radio'}
              name={`${id}-choice`}
              value={option.id}
              checked={value.includes(option.id)}
              onChange={(event) => toggle(option.id, event.currentTarget.checked)}
              disabled={disabled}
              className={classes.imageChoiceInput}
            />
            <img
              src={option.imageUrl}
              alt={option.alt}
              data-read-part=""
              data-read-text={option.alt}
              {...langOf(contentLanguage)}
              className={classes.imageChoiceImage}
              draggable={false}
            />
          </label>
        ))}
      </div>
    </QuestionGroup>
  );
}
