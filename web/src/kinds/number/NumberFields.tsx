'use client';

import styles from '../../components/editor/editor.module.css';
import { slideFieldId } from '../../components/editor/field-errors.ts';
import { NumberField } from '../../components/editor/fields.tsx';
import { withOptionalNumber } from '../../components/editor/question-edits.ts';
import type { KindFieldsProps } from '../kind.ts';

/** The smallest and largest answer, each optional. */
export function NumberFields({ slideId, question, onChange }: KindFieldsProps<'number'>) {
  return (
    <div className={styles.fieldRow}>
      <NumberField
        id={slideFieldId(slideId, 'min')}
        label="Smallest answer"
        hint="Empty for no limit."
        value={question.min}
        onChange={(value) => onChange(withOptionalNumber(question, 'min', value))}
      />
      <NumberField
        id={slideFieldId(slideId, 'max')}
        label="Largest answer"
        hint="Empty for no limit."
        value={question.max}
        onChange={(value) => onChange(withOptionalNumber(question, 'max', value))}
      />
    </div>
  );
}
