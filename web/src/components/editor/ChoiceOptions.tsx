'use client';

import { LIMITS, type MultipleChoiceQuestion } from '@classpulse/realtime/protocol';
import { useTranslations } from 'next-intl';
import type { KeyboardEvent, ReactNode } from 'react';
import { newClientId, optionLetter } from './client-ids.ts';
import {
  CheckboxField,
  describe,
  FieldErrorList,
  useContentAttributes,
  useEditor,
  useFieldErrors,
} from './fields.tsx';
import { slideFieldId } from './field-errors.ts';
import { CloseIcon, PlusIcon } from './Icons.tsx';
import styles from './editor.module.css';

interface ChoiceOptionsProps {
  slideId: string;
  question: MultipleChoiceQuestion;
  onChange: (question: MultipleChoiceQuestion) => void;
}

function OptionRow({
  slideId,
  index,
  label,
  optionId,
  correct,
  canRemove,
  onLabel,
  onCorrect,
  onRemove,
  onEnter,
}: {
  slideId: string;
  index: number;
  label: string;
  optionId: string;
  correct: boolean;
  canRemove: boolean;
  onLabel: (label: string) => void;
  onCorrect: (correct: boolean) => void;
  onRemove: () => void;
  onEnter: () => void;
}) {
  const t = useTranslations('editor');
  const content = useContentAttributes();
  const id = slideFieldId(slideId, `option-${optionId}`);
  const errors = useFieldErrors(id);
  const letter = optionLetter(index);
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter' && !event.nativeEvent.isComposing) {
      event.preventDefault();
      onEnter();
    }
  };
  return (
    <li className={`${styles.optionRow} ${correct ? styles.optionCorrect : ''}`}>
      <label htmlFor={id} className={styles.optionLetter}>
        {t.rich('choiceOptions.optionLetter', { letter, hidden })}
      </label>
      <div className={styles.optionText}>
        <input
          id={id}
          type="text"
          {...content}
          value={label}
          maxLength={LIMITS.choiceLabelMax}
          placeholder={t('choiceOptions.placeholder', { letter })}
          onChange={(e) => onLabel(e.target.value)}
          onKeyDown={onKeyDown}
          {...describe(id, false, errors)}
        />
        <FieldErrorList id={id} errors={errors} />
      </div>
      <label className={styles.correctToggle}>
        <input type="checkbox" checked={correct} onChange={(e) => onCorrect(e.target.checked)} />
        {t.rich('choiceOptions.isCorrect', {
          letter,
          hidden,
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

/** The answer options of a multiple-choice question, which are correct, and single/multiple. */
export function ChoiceOptions({ slideId, question, onChange }: ChoiceOptionsProps) {
  const t = useTranslations('editor');
  const { requestFocus } = useEditor();
  const groupId = slideFieldId(slideId, 'options');
  const groupErrors = useFieldErrors(groupId);
  const correct = question.correctOptionIds ?? [];
  const { options } = question;
  const canAdd = options.length < LIMITS.choiceOptionsMax;
  const canRemove = options.length > LIMITS.choiceOptionsMin;
  const optionId = (id: string) => slideFieldId(slideId, `option-${id}`);

  const setCorrect = (ids: string[]) => {
    // Order correct ids as the options are, so the saved deck reads naturally.
    const ordered = options.map((o) => o.id).filter((id) => ids.includes(id));
    const { correctOptionIds: _old, ...rest } = question;
    onChange(ordered.length > 0 ? { ...rest, correctOptionIds: ordered } : rest);
  };

  const addOption = (afterIndex = options.length - 1) => {
    if (!canAdd) return;
    const option = { id: newClientId(), label: '' };
    const next = [...options];
    next.splice(afterIndex + 1, 0, option);
    onChange({ ...question, options: next });
    requestFocus(optionId(option.id));
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
    if (neighbour) requestFocus(optionId(neighbour.id));
  };

  return (
    <fieldset
      id={groupId}
      tabIndex={-1}
      className={styles.optionsGroup}
      aria-describedby={describe(groupId, true, groupErrors)['aria-describedby']}
    >
      <legend>{t('choiceOptions.legend')}</legend>
      <p id={`${groupId}-hint`} className={styles.hint}>
        {t('choiceOptions.hint', {
          min: LIMITS.choiceOptionsMin,
          max: LIMITS.choiceOptionsMax,
          multiple: String(question.allowMultiple),
        })}
      </p>
      <FieldErrorList id={groupId} errors={groupErrors} />
      <ol className={styles.optionList}>
        {options.map((option, index) => (
          <OptionRow
            key={option.id}
            slideId={slideId}
            index={index}
            optionId={option.id}
            label={option.label}
            correct={correct.includes(option.id)}
            canRemove={canRemove}
            onLabel={(label) =>
              onChange({
                ...question,
                options: options.map((o) => (o.id === option.id ? { ...o, label } : o)),
              })
            }
            onCorrect={(checked) => {
              if (!checked) setCorrect(correct.filter((id) => id !== option.id));
              else if (question.allowMultiple) setCorrect([...correct, option.id]);
              // A single-choice question has one correct answer: ticking one moves the tick.
              else setCorrect([option.id]);
            }}
            onRemove={() => removeOption(index)}
            onEnter={() => {
              const next = options[index + 1];
              if (next) requestFocus(optionId(next.id));
              else addOption(index);
            }}
          />
        ))}
      </ol>
      <div className={styles.optionFooter}>
        <button
          type="button"
          className="button button-secondary"
          onClick={() => addOption()}
          disabled={!canAdd}
        >
          <PlusIcon />
          {t('choiceOptions.add')}
        </button>
        {!canAdd ? <span className={styles.hint}>{t('choiceOptions.full')}</span> : null}
      </div>
      <CheckboxField
        id={slideFieldId(slideId, 'allowMultiple')}
        label={t('choiceOptions.allowMultiple')}
        checked={question.allowMultiple}
        onChange={(allowMultiple) => {
          const { correctOptionIds: _old, ...rest } = question;
          // Turning multiple answers off keeps only the first correct answer.
          const kept = allowMultiple ? correct : correct.slice(0, 1);
          onChange({
            ...rest,
            allowMultiple,
            ...(kept.length > 0 ? { correctOptionIds: kept } : {}),
          });
        }}
      />
    </fieldset>
  );
}

const hidden = (chunks: ReactNode) => <span className="visually-hidden">{chunks}</span>;
