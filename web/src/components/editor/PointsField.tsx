'use client';

import { DEFAULT_POINTS, LIMITS, type Question } from '@classpulse/realtime/protocol';
import { slideFieldId } from './field-errors.ts';
import { NumberField } from './fields.tsx';
import { withOptionalNumber } from './question-edits.ts';
import styles from './editor.module.css';

/** What a fully correct answer earns; empty is the default. */
export function PointsField<Q extends Question>({
  slideId,
  question,
  onChange,
}: {
  slideId: string;
  question: Q;
  onChange: (question: Q) => void;
}) {
  return (
    <NumberField
      id={slideFieldId(slideId, 'points')}
      label="Points"
      hint={`For a fully correct answer; empty means ${DEFAULT_POINTS}. Only questions with a correct answer score.`}
      value={question.points}
      onChange={(points) => onChange(withOptionalNumber(question, 'points', points))}
      integer
      min={0}
      max={LIMITS.pointsMax}
      className={styles.narrowField}
    />
  );
}
