'use client';

import { LIMITS, type Question } from '@classpulse/realtime/protocol';
import { ChoiceOptions } from './ChoiceOptions.tsx';
import { slideFieldId } from './field-errors.ts';
import { NumberField, SelectField, TextField } from './fields.tsx';
import { ImagePicker } from './ImagePicker.tsx';
import styles from './editor.module.css';

interface QuestionFieldsProps {
  slideId: string;
  question: Question;
  onChange: (question: Question) => void;
}

const range = (from: number, to: number): number[] =>
  Array.from({ length: to - from + 1 }, (_, i) => from + i);

/** Sets an optional text property, dropping it when blank. */
function withOptionalText<T extends object, K extends keyof T & string>(
  object: T,
  key: K,
  value: string,
): T {
  const { [key]: _old, ...rest } = object;
  return (value === '' ? rest : { ...rest, [key]: value }) as T;
}

/** Sets an optional number property, dropping it when the box is empty. */
function withOptionalNumber<T extends object, K extends keyof T & string>(
  object: T,
  key: K,
  value: number | undefined,
): T {
  const { [key]: _old, ...rest } = object;
  return (value === undefined ? rest : { ...rest, [key]: value }) as T;
}

function ScalePreview({
  steps,
  minLabel,
  maxLabel,
}: {
  steps: number;
  minLabel?: string;
  maxLabel?: string;
}) {
  const count = Number.isInteger(steps) && steps > 0 && steps <= LIMITS.scaleStepsMax ? steps : 0;
  return (
    <figure className={styles.scalePreview}>
      <figcaption className={styles.previewCaption}>What students see</figcaption>
      <div className={styles.scaleDots} aria-hidden="true">
        {range(1, count).map((n) => (
          <span key={n} className={styles.scaleDot}>
            {n}
          </span>
        ))}
      </div>
      <div className={styles.scaleEnds}>
        <span>{minLabel?.trim() || '\u00a0'}</span>
        <span>{maxLabel?.trim() || '\u00a0'}</span>
      </div>
      <p className="visually-hidden">
        A scale from 1 to {count}
        {minLabel?.trim() ? `, 1 means ${minLabel.trim()}` : ''}
        {maxLabel?.trim() ? `, ${count} means ${maxLabel.trim()}` : ''}.
      </p>
    </figure>
  );
}

/** The prompt and the kind-specific settings of one slide's question. */
export function QuestionFields({ slideId, question, onChange }: QuestionFieldsProps) {
  const id = (field: Parameters<typeof slideFieldId>[1]) => slideFieldId(slideId, field);

  const prompt = (
    <TextField
      id={id('prompt')}
      label="Question"
      value={question.prompt}
      onChange={(value) => onChange({ ...question, prompt: value })}
      maxLength={LIMITS.promptMax}
      multiline
      rows={2}
      required
      placeholder="What do you want to ask?"
    />
  );

  switch (question.kind) {
    case 'multiple-choice':
      return (
        <>
          {prompt}
          <ChoiceOptions slideId={slideId} question={question} onChange={onChange} />
        </>
      );
    case 'short-text':
      return (
        <>
          {prompt}
          <NumberField
            id={id('maxLength')}
            label="Maximum answer length"
            hint={`In characters, from 1 to ${LIMITS.shortTextMax}.`}
            value={question.maxLength}
            onChange={(value) => onChange({ ...question, maxLength: value ?? NaN })}
            integer
            min={1}
            max={LIMITS.shortTextMax}
            required
            className={styles.narrowField}
          />
        </>
      );
    case 'number':
      return (
        <>
          {prompt}
          <div className={styles.fieldRow}>
            <NumberField
              id={id('min')}
              label="Smallest answer"
              hint="Empty for no limit."
              value={question.min}
              onChange={(value) => onChange(withOptionalNumber(question, 'min', value))}
            />
            <NumberField
              id={id('max')}
              label="Largest answer"
              hint="Empty for no limit."
              value={question.max}
              onChange={(value) => onChange(withOptionalNumber(question, 'max', value))}
            />
          </div>
        </>
      );
    case 'word-cloud':
      return (
        <>
          {prompt}
          <SelectField
            id={id('maxWords')}
            label="Words per answer"
            hint="Short answers make a readable cloud."
            value={question.maxWords}
            options={range(1, LIMITS.wordCloudWordsMax).map((n) => ({
              value: n,
              label: n === 1 ? '1 word' : `Up to ${n} words`,
            }))}
            onChange={(maxWords) => onChange({ ...question, maxWords })}
            className={styles.narrowField}
          />
        </>
      );
    case 'scale':
      return (
        <>
          {prompt}
          <SelectField
            id={id('steps')}
            label="Number of steps"
            value={question.steps}
            options={range(LIMITS.scaleStepsMin, LIMITS.scaleStepsMax).map((n) => ({
              value: n,
              label: `1 to ${n}`,
            }))}
            onChange={(steps) => onChange({ ...question, steps })}
            className={styles.narrowField}
          />
          <div className={styles.fieldRow}>
            <TextField
              id={id('minLabel')}
              label="Label for 1"
              value={question.minLabel ?? ''}
              onChange={(value) => onChange(withOptionalText(question, 'minLabel', value))}
              maxLength={LIMITS.scaleLabelMax}
              placeholder="Not at all"
            />
            <TextField
              id={id('maxLabel')}
              label={`Label for ${question.steps}`}
              value={question.maxLabel ?? ''}
              onChange={(value) => onChange(withOptionalText(question, 'maxLabel', value))}
              maxLength={LIMITS.scaleLabelMax}
              placeholder="Completely"
            />
          </div>
          <ScalePreview
            steps={question.steps}
            {...(question.minLabel === undefined ? {} : { minLabel: question.minLabel })}
            {...(question.maxLabel === undefined ? {} : { maxLabel: question.maxLabel })}
          />
        </>
      );
    case 'drawing':
      return (
        <>
          {prompt}
          <ImagePicker
            id={id('image')}
            label="Background image"
            value={question.backgroundImageUrl}
            previewAlt="Background students draw on"
            onChange={(url) =>
              onChange(withOptionalText(question, 'backgroundImageUrl', url ?? ''))
            }
          />
        </>
      );
    case 'pin-on-image':
      return (
        <>
          {prompt}
          <ImagePicker
            id={id('image')}
            label="Image to pin on"
            value={question.imageUrl}
            previewAlt={question.imageAlt.trim() || 'Image students pin on (not yet described)'}
            required
            onChange={(url) => onChange({ ...question, imageUrl: url ?? '' })}
          />
          <TextField
            id={id('imageAlt')}
            label="Image description"
            hint="Read aloud by screen readers, so every student knows what the picture shows."
            value={question.imageAlt}
            onChange={(imageAlt) => onChange({ ...question, imageAlt })}
            maxLength={LIMITS.promptMax}
            required
            multiline
            rows={2}
            placeholder="A map of Europe with country borders and no names"
          />
        </>
      );
  }
}
