'use client';

import { ChoiceOptions } from '../../components/editor/ChoiceOptions.tsx';
import { PointsField } from '../../components/editor/PointsField.tsx';
import type { KindFieldsProps } from '../kind.ts';

/** The options, which are correct, whether several may be chosen, and the points. */
export function MultipleChoiceFields({
  slideId,
  question,
  onChange,
}: KindFieldsProps<'multiple-choice'>) {
  return (
    <>
      <ChoiceOptions slideId={slideId} question={question} onChange={onChange} />
      <PointsField slideId={slideId} question={question} onChange={onChange} />
    </>
  );
}
