'use client';

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
          label={`Option ${letter} image`}
          value={option.imageUrl || undefined}
          previewAlt={option.alt.trim() || `Option ${letter} (not yet described)`}
          required
          onChange={(image) => onChange((latest) => ({ ...latest, imageUrl: image?.url ?? '' }))}
        />
        <TextField
          id={`${base}-alt`}
          label={`Option ${letter} description`}
          hint="Required: what students hear and what reports show for this picture."
          value={option.alt}
          onChange={(alt) => onChange((latest) => ({ ...latest, alt }))}
          maxLength={LIMITS.promptMax}
          required
          placeholder="Blue, white and red vertical stripes"
        />
      </div>
      <label className={styles.correctToggle}>
        <input type="checkbox" checked={correct} onChange={(e) => onCorrect(e.target.checked)} />
        <span className="visually-hidden">Option {letter} is </span>
        <span className={styles.capitalize}>correct</span>
      </label>
      <button
        type="button"
        className={`button button-secondary ${styles.iconButton}`}
        onClick={onRemove}
        disabled={!canRemove}
        title={canRemove ? `Remove option ${letter}` : 'A question needs at least two options'}
      >
        <CloseIcon />
        <span className="visually-hidden">Remove option {letter}</span>
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
        <legend>Picture options</legend>
        <p id={`${groupId}-hint`} className={styles.hint}>
          {LIMITS.choiceOptionsMin} to {LIMITS.choiceOptionsMax} pictures, each with a description.
          Tick the correct {question.allowMultiple ? 'answers' : 'answer'}, or none for a poll.
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
            Add picture option
          </button>
          {!canAdd ? (
            <span className={styles.hint}>That is the most options a question can have.</span>
          ) : null}
        </div>
        <CheckboxField
          id={slideFieldId(slideId, 'allowMultiple')}
          label="Students may choose more than one picture"
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
        label="Points"
        hint="0 to 1000; empty for 1. Only counts when a correct picture is ticked."
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
