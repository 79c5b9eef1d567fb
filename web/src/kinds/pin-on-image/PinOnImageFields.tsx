'use client';

import { LIMITS } from '@classpulse/realtime/protocol';
import { slideFieldId } from '../../components/editor/field-errors.ts';
import { TextField } from '../../components/editor/fields.tsx';
import { ImagePicker } from '../../components/editor/ImagePicker.tsx';
import { PointsField } from '../../components/editor/PointsField.tsx';
import type { KindFieldsProps } from '../kind.ts';

/** The picture students pin on, its description for screen readers, and the points. */
export function PinOnImageFields({ slideId, question, onChange }: KindFieldsProps<'pin-on-image'>) {
  return (
    <>
      <ImagePicker
        id={slideFieldId(slideId, 'image')}
        label="Image to pin on"
        value={question.imageUrl}
        previewAlt={question.imageAlt.trim() || 'Image students pin on (not yet described)'}
        required
        onChange={(url) => onChange({ ...question, imageUrl: url ?? '' })}
      />
      <TextField
        id={slideFieldId(slideId, 'imageAlt')}
        label="Image description"
        hint="Read aloud by screen readers, so every student knows what the picture shows."
        value={question.imageAlt}
        onChange={(imageAlt) => onChange({ ...question, imageAlt })}
        maxLength={LIMITS.promptMax}
        required
        multiline
        rows={2}
        placeholder="A map of Europe with country borders and no names"
      />
      <PointsField slideId={slideId} question={question} onChange={onChange} />
    </>
  );
}
