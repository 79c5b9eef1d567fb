'use client';

import { useTranslations } from 'next-intl';
import { LIMITS } from '@classpulse/realtime/protocol';
import styles from '../../components/editor/editor.module.css';
import { slideFieldId } from '../../components/editor/field-errors.ts';
import { SelectField } from '../../components/editor/fields.tsx';
import { range } from '../../components/editor/question-edits.ts';
import type { KindFieldsProps } from '../kind.ts';

/** How many words each student may send. */
export function WordCloudFields({ slideId, question, onChange }: KindFieldsProps<'word-cloud'>) {
  const t = useTranslations('editor');
  return (
    <SelectField
      id={slideFieldId(slideId, 'maxWords')}
      label={t('wordCloudFields.maxWords')}
      hint={t('wordCloudFields.hint')}
      value={question.maxWords}
      options={range(1, LIMITS.wordCloudWordsMax).map((n) => ({
        value: n,
        label: t('wordCloudFields.option', { count: n }),
      }))}
      onChange={(maxWords) => onChange({ ...question, maxWords })}
      className={styles.narrowField}
    />
  );
}
