'use client';

import { LIMITS } from '@classpulse/realtime/protocol';
import styles from '../../components/editor/editor.module.css';
import { slideFieldId } from '../../components/editor/field-errors.ts';
import { NumberField } from '../../components/editor/fields.tsx';
import type { KindFieldsProps } from '../kind.ts';

/** The longest answer students may write. */
export function ShortTextFields({ slideId, question, onChange }: KindFieldsProps<'short-text'>) {
  return (
    <NumberField
      id={slideFieldId(slideId, 'maxLength')}
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
  );
}
