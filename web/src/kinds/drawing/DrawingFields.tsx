'use client';

import { slideFieldId } from '../../components/editor/field-errors.ts';
import { ImagePicker } from '../../components/editor/ImagePicker.tsx';
import { withOptionalText } from '../../components/editor/question-edits.ts';
import type { KindFieldsProps } from '../kind.ts';

/** An optional picture students draw on. */
export function DrawingFields({ slideId, question, onChange }: KindFieldsProps<'drawing'>) {
  return (
    <ImagePicker
      id={slideFieldId(slideId, 'image')}
      label="Background image"
      value={question.backgroundImageUrl}
      previewAlt="Background students draw on"
      onChange={(image) =>
        onChange((latest) => withOptionalText(latest, 'backgroundImageUrl', image?.url ?? ''))
      }
    />
  );
}
