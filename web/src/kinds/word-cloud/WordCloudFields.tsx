'use client';

import { LIMITS } from '@classpulse/realtime/protocol';
import styles from '../../components/editor/editor.module.css';
import { slideFieldId } from '../../components/editor/field-errors.ts';
import { SelectField } from '../../components/editor/fields.tsx';
import { range } from '../../components/editor/question-edits.ts';
import type { KindFieldsProps } from '../kind.ts';

/** How many words each student may send. */
export function WordCloudFields({ slideId, question, onChange }: KindFieldsProps<'word-cloud'>) {
  return (
    <SelectField
      id={slideFieldId(slideId, 'maxWords')}
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
  );
}
