'use client';

import { useTranslations } from 'next-intl';
import { LIMITS } from '@classpulse/realtime/protocol';
import styles from '../../components/editor/editor.module.css';
import { slideFieldId } from '../../components/editor/field-errors.ts';
import { SelectField, TextField } from '../../components/editor/fields.tsx';
import { range, withOptionalText } from '../../components/editor/question-edits.ts';
import type { KindFieldsProps } from '../kind.ts';
import { ScalePreview } from './ScalePreview.tsx';

/** The number of steps, the labels of both ends, and a preview of what students see. */
export function ScaleFields({ slideId, question, onChange }: KindFieldsProps<'scale'>) {
  const t = useTranslations('editor');
  return (
    <>
      <SelectField
        id={slideFieldId(slideId, 'steps')}
        label={t('scaleFields.steps')}
        value={question.steps}
        options={range(LIMITS.scaleStepsMin, LIMITS.scaleStepsMax).map((n) => ({
          value: n,
          label: t('scaleFields.stepsOption', { steps: n }),
        }))}
        onChange={(steps) => onChange({ ...question, steps })}
        className={styles.narrowField}
      />
      <div className={styles.fieldRow}>
        <TextField
          id={slideFieldId(slideId, 'minLabel')}
          label={t('scaleFields.minLabel')}
          value={question.minLabel ?? ''}
          onChange={(value) => onChange(withOptionalText(question, 'minLabel', value))}
          maxLength={LIMITS.scaleLabelMax}
          placeholder={t('scaleFields.minPlaceholder')}
        />
        <TextField
          id={slideFieldId(slideId, 'maxLabel')}
          label={t('scaleFields.maxLabel', { steps: question.steps })}
          value={question.maxLabel ?? ''}
          onChange={(value) => onChange(withOptionalText(question, 'maxLabel', value))}
          maxLength={LIMITS.scaleLabelMax}
          placeholder={t('scaleFields.maxPlaceholder')}
        />
      </div>
      <ScalePreview
        steps={question.steps}
        {...(question.minLabel === undefined ? {} : { minLabel: question.minLabel })}
        {...(question.maxLabel === undefined ? {} : { maxLabel: question.maxLabel })}
      />
    </>
  );
}
