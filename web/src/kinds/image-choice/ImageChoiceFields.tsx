'use client';

import { useTranslations } from 'next-intl';
import { LIMITS } from '@classpulse/realtime/protocol';
import styles from '../../components/editor/editor.module.css';
import { newClientId, optionLetter } from '../../components/editor/client-ids.ts';
import { slideFieldId } from '../../components/editor/field-errors.ts';
import {
  CheckboxField,
  describe,
  FieldErrorList,
  NumberField,
  TextField,
  useEditor,
  useFieldErrors,
} from '../../components/editor/fields.tsx';
import { CloseIcon, PlusIcon } from '../../components/editor/Icons.tsx';
import { ImagePicker } from '../../components/editor/ImagePicker.tsx';
import { withOptionalNumber } from '../../components/editor/question-edits.ts';
import type { KindFieldsProps, QuestionOf } from '../kind.ts';

type ImageOption = QuestionOf<'image-choice'>['options'][number];

function ImageOptionRow({
  slideId,
  index,
  option,
  correct,
  canRemove,
  onChange,
  onCorrect,
  onRemove,
}: {
  slideId: string;
  index: number;
  option: ImageOption;
  correct: boolean;
  canRemove: boolean;
  /** A function of the option as it is when the edit lands (an upload lands after an await). */
  onChange: (update: (latest: ImageOption) => ImageOption) => void;
  onCorrect: (correct: boolean) => void;
  onRemove: () => void;
}) {
  const t = useTranslations('editor');
  const letter = optionLetter(index);
  const base = slideFieldId(slideId, `option-${option.id}`);
  return (
    <li className={`${styles.optionRow} ${correct ? styles.optionCorrect : ''}`}>
      <span className={styles.optionLetter} aria-hidden="true">
        {letter}
      </span>
      <div className={styles.optionText}>
        <ImagePicker
          id={`${base}-image`}
          label={t('imageChoiceFields.optionImage', { letter })}
          value={option.imageUrl || undefined}
          previewAlt={option.alt.trim() || t('imageChoiceFields.optionUndescribed', { letter })}
          required
          onChange={(image) => onChange((latest) => ({ ...latest, imageUrl: image?.url ?? '' }))}
        />
        <TextField
          id={`${base}-alt`}
          label={t('imageChoiceFields.optionDescription', { letter })}
          hint={t('imageChoiceFields.optionDescriptionHint')}
          value={option.alt}
          onChange={(alt) => onChange((latest) => ({ ...latest, alt }))}
          maxLength={LIMITS.promptMax}
          required
          placeholder={t('imageChoiceFields.optionDescriptionPlaceholder')}
        />
      </div>
      <label className={styles.correctToggle}>
        <input type="checkbox" checked={correct} onChange={(e) => onCorrect(e.target.checked)} />
        {t.rich('choiceOptions.isCorrect', {
          letter,
          hidden: (chunks) => <span className="visually-hidden">{chunks}</span>,
          shown: (chunks) => <span className={styles.capitalize}>{chunks}</span>,
        })}
      </label>
      <button
        type="button"
        className={`button button-secondary ${styles.iconButton}`}
        onClick={onRemove}
        disabled={!canRemove}
        title={canRemove ? t('choiceOptions.remove', { letter }) : t('choiceOptions.needTwo')}
      >
        <CloseIcon />
        <span className="visually-hidden">{t('choiceOptions.remove', { letter })}</span>
      </button>
    </li>
  );
}

/** The picture options with their descriptions, which are correct, single/multiple, and points. */
export function ImageChoiceFields({
  slideId,
  question,
  onChange,
}: KindFieldsProps<'image-choice'>) {
  const t = useTranslations('editor');
  const { requestFocus } = useEditor();
  const groupId = slideFieldId(slideId, 'options');
  const groupErrors = useFieldErrors(groupId);
  const correct = question.correctOptionIds ?? [];
  const { options } = question;
  const canAdd = options.length < LIMITS.choiceOptionsMax;
  const canRemove = options.length > LIMITS.choiceOptionsMin;
  const imageId = (id: string) => slideFieldId(slideId, `option-${id}-image`);

  const setCorrect = (ids: string[]) => {
    const ordered = options.map((o) => o.id).filter((id) => ids.includes(id));
    const { correctOptionIds: _old, ...rest } = question;
    onChange(ordered.length > 0 ? { ...rest, correctOptionIds: ordered } : rest);
  };

  const addOption = () => {
    if (!canAdd) return;
    const option = { id: newClientId(), imageUrl: '', alt: '' };
    onChange({ ...question, options: [...options, option] });
    requestFocus(imageId(option.id));
  };

  const removeOption = (index: number) => {
    const removed = options[index];
    if (!removed || !canRemove) return;
    const next = options.filter((_, i) => i !== index);
    const remaining = correct.filter((id) => id !== removed.id);
    const { correctOptionIds: _old, ...rest } = question;
    onChange({
      ...rest,
      options: next,
      ...(remaining.length > 0 ? { correctOptionIds: remaining } : {}),
    });
    const neighbour = next[index] ?? next[index - 1];
    if (neighbour) requestFocus(imageId(neighbour.id));
  };

  return (
    <>
      <fieldset
        id={groupId}
        tabIndex={-1}
        className={styles.optionsGroup}
        aria-describedby={describe(groupId, true, groupErrors)['aria-describedby']}
      >
        <legend>{t('imageChoiceFields.legend')}</legend>
        <p id={`${groupId}-hint`} className={styles.hint}>
          {t('imageChoiceFields.hint', {
            min: LIMITS.choiceOptionsMin,
            max: LIMITS.choiceOptionsMax,
            multiple: String(question.allowMultiple),
          })}
        </p>
        <FieldErrorList id={groupId} errors={groupErrors} />
        <ol className={styles.optionList}>
          {options.map((option, index) => (
            <ImageOptionRow
              key={option.id}
              slideId={slideId}
              index={index}
              option={option}
              correct={correct.includes(option.id)}
              canRemove={canRemove}
              onChange={(update) =>
                onChange((latest) => ({
                  ...latest,
                  options: latest.options.map((o) => (o.id === option.id ? update(o) : o)),
                }))
              }
              onCorrect={(checked) => {
                if (!checked) setCorrect(correct.filter((id) => id !== option.id));
                else if (question.allowMultiple) setCorrect([...correct, option.id]);
                else setCorrect([option.id]);
              }}
              onRemove={() => removeOption(index)}
            />
          ))}
        </ol>
        <div className={styles.optionFooter}>
          <button
            type="button"
            className="button button-secondary"
            onClick={addOption}
            disabled={!canAdd}
          >
            <PlusIcon />
            {t('imageChoiceFields.add')}
          </button>
          {!canAdd ? <span className={styles.hint}>{t('choiceOptions.full')}</span> : null}
        </div>
        <CheckboxField
          id={slideFieldId(slideId, 'allowMultiple')}
          label={t('imageChoiceFields.allowMultiple')}
          checked={question.allowMultiple}
          onChange={(allowMultiple) => {
            const { correctOptionIds: _old, ...rest } = question;
            const kept = allowMultiple ? correct : correct.slice(0, 1);
            onChange({
              ...rest,
              allowMultiple,
              ...(kept.length > 0 ? { correctOptionIds: kept } : {}),
            });
          }}
        />
      </fieldset>
      <NumberField
        id={slideFieldId(slideId, 'points')}
        label={t('points.label')}
        hint={t('imageChoiceFields.pointsHint')}
        integer
        min={0}
        max={1000}
        value={question.points}
        onChange={(points) => onChange(withOptionalNumber(question, 'points', points))}
        className={styles.narrowField}
      />
    </>
  );
}
