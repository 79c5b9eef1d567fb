'use client';

import { useTranslations } from 'next-intl';
import { LIMITS, type QuestionOf } from '@classpulse/realtime/protocol';
import { useState } from 'react';
import styles from '../../components/editor/editor.module.css';
import { slideFieldId } from '../../components/editor/field-errors.ts';
import { NumberField, TextField } from '../../components/editor/fields.tsx';
import { PointsField } from '../../components/editor/PointsField.tsx';
import type { KindFieldsProps } from '../kind.ts';

/** The question with these accepted answers (one a line), or none (a poll) when all are blank. */
function withAcceptedAnswers(
  question: QuestionOf<'short-text'>,
  text: string,
): QuestionOf<'short-text'> {
  const { acceptedAnswers: _old, ...rest } = question;
  const accepted = text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
  return accepted.length === 0 ? rest : { ...rest, acceptedAnswers: accepted };
}

/** The longest answer students may write; the accepted answers and their points. */
export function ShortTextFields({ slideId, question, onChange }: KindFieldsProps<'short-text'>) {
  // The teacher's own text (blank lines and all) while the question holds the trimmed answers.
  const t = useTranslations('editor');
  const [accepted, setAccepted] = useState(() => (question.acceptedAnswers ?? []).join('\n'));
  return (
    <>
      <NumberField
        id={slideFieldId(slideId, 'maxLength')}
        label={t('shortTextFields.maxLength')}
        hint={t('shortTextFields.maxLengthHint', { max: LIMITS.shortTextMax })}
        value={question.maxLength}
        onChange={(value) => onChange({ ...question, maxLength: value ?? NaN })}
        integer
        min={1}
        max={LIMITS.shortTextMax}
        required
        className={styles.narrowField}
      />
      <TextField
        id={slideFieldId(slideId, 'acceptedAnswers')}
        label={t('shortTextFields.accepted')}
        hint={t('shortTextFields.acceptedHint', { max: LIMITS.acceptedAnswersMax })}
        value={accepted}
        onChange={(text) => {
          setAccepted(text);
          onChange(withAcceptedAnswers(question, text));
        }}
        maxLength={LIMITS.acceptedAnswersMax * (LIMITS.shortTextMax + 1)}
        multiline
        rows={3}
      />
      <PointsField slideId={slideId} question={question} onChange={onChange} />
    </>
  );
}
