'use client';

import { useTranslations } from 'next-intl';
import type { QuestionOf } from '@classpulse/realtime/protocol';
import styles from '../../components/editor/editor.module.css';
import { slideFieldId } from '../../components/editor/field-errors.ts';
import { NumberField } from '../../components/editor/fields.tsx';
import { PointsField } from '../../components/editor/PointsField.tsx';
import { withOptionalNumber } from '../../components/editor/question-edits.ts';
import type { KindFieldsProps } from '../kind.ts';

/** The question with its correct value set, or without one (a poll) when the box is empty. */
function withCorrect(
  question: QuestionOf<'number'>,
  value: number | undefined,
  tolerance: number | undefined,
): QuestionOf<'number'> {
  const { correct: _old, ...rest } = question;
  return value === undefined ? rest : { ...rest, correct: { value, tolerance: tolerance ?? 0 } };
}

/** The smallest and largest answer, each optional; the correct value, its tolerance, the points. */
export function NumberFields({ slideId, question, onChange }: KindFieldsProps<'number'>) {
  const t = useTranslations('editor');
  const correct = question.correct;
  return (
    <>
      <div className={styles.fieldRow}>
        <NumberField
          id={slideFieldId(slideId, 'min')}
          label={t('numberFields.min')}
          hint={t('numberFields.noLimit')}
          value={question.min}
          onChange={(value) => onChange(withOptionalNumber(question, 'min', value))}
        />
        <NumberField
          id={slideFieldId(slideId, 'max')}
          label={t('numberFields.max')}
          hint={t('numberFields.noLimit')}
          value={question.max}
          onChange={(value) => onChange(withOptionalNumber(question, 'max', value))}
        />
      </div>
      <div className={styles.fieldRow}>
        <NumberField
          id={slideFieldId(slideId, 'correct')}
          label={t('numberFields.correct')}
          hint={t('numberFields.correctHint')}
          value={correct?.value}
          onChange={(value) => onChange(withCorrect(question, value, correct?.tolerance))}
        />
        {correct ? (
          <NumberField
            id={slideFieldId(slideId, 'tolerance')}
            label={t('numberFields.tolerance')}
            hint={
              Number.isNaN(correct.value)
                ? t('numberFields.toleranceHintNoValue')
                : t('numberFields.toleranceHint', { value: String(correct.value) })
            }
            value={correct.tolerance === 0 ? undefined : correct.tolerance}
            min={0}
            onChange={(tolerance) => onChange(withCorrect(question, correct.value, tolerance))}
          />
        ) : null}
      </div>
      <PointsField slideId={slideId} question={question} onChange={onChange} />
    </>
  );
}
