'use client';

import { ChoiceOptions } from '../../components/editor/ChoiceOptions.tsx';
import type { KindFieldsProps } from '../kind.ts';

/** The options, which are correct, and whether several may be chosen. */
export function MultipleChoiceFields({
  slideId,
  question,
  onChange,
}: KindFieldsProps<'multiple-choice'>) {
  return <ChoiceOptions slideId={slideId} question={question} onChange={onChange} />;
}
