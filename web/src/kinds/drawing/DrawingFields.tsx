'use client';

import { useTranslations } from 'next-intl';
import { slideFieldId } from '../../components/editor/field-errors.ts';
import { ImagePicker } from '../../components/editor/ImagePicker.tsx';
import { withOptionalText } from '../../components/editor/question-edits.ts';
import type { KindFieldsProps } from '../kind.ts';

/** An optional picture students draw on. */
export function DrawingFields({ slideId, question, onChange }: KindFieldsProps<'drawing'>) {
  const t = useTranslations('editor');
  return (
    <ImagePicker
      id={slideFieldId(slideId, 'image')}
      label={t('drawingFields.image')}
      value={question.backgroundImageUrl}
      previewAlt={t('drawingFields.imageAlt')}
      onChange={(image) =>
        onChange((latest) => withOptionalText(latest, 'backgroundImageUrl', image?.url ?? ''))
      }
    />
  );
}
