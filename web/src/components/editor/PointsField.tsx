'use client';

import { DEFAULT_POINTS, LIMITS, type Question } from '@classpulse/realtime/protocol';
import { useFormatter, useTranslations } from 'next-intl';
import { slideFieldId } from './field-errors.ts';
import { NumberField } from './fields.tsx';
import { withOptionalNumber } from './question-edits.ts';
import styles from './editor.module.css';

/**
 * What a fully correct answer earns, for every kind that can have a correct answer: one field,
 * one wording, so each gradable kind's `<Kind>Fields` renders this rather than its own box.
 * Empty means the protocol's default (one point); the schema bounds it (0 to `pointsMax`).
 */
export function PointsField<Q extends Question>({
  slideId,
  question,
  onChange,
}: {
  slideId: string;
  question: Q;
  onChange: (question: Q) => void;
}) {
  const t = useTranslations('editor');
  const format = useFormatter();
  // No grouping: "0 to 1000", as the teacher types it.
  const plain = (n: number) => format.number(n, { useGrouping: false });
  return (
    <NumberField
      id={slideFieldId(slideId, 'points')}
      label={t('points.label')}
      hint={t('points.hint', { max: plain(LIMITS.pointsMax), default: plain(DEFAULT_POINTS) })}
      value={question.points}
      onChange={(value) => onChange(withOptionalNumber(question, 'points', value))}
      integer
      min={0}
      max={LIMITS.pointsMax}
      className={styles.narrowField}
    />
  );
}
