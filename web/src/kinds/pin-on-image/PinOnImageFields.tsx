'use client';

import { LIMITS } from '@classpulse/realtime/protocol';
import { slideFieldId } from '../../components/editor/field-errors.ts';
import { TextField } from '../../components/editor/fields.tsx';
import { ImagePicker } from '../../components/editor/ImagePicker.tsx';
import { PointsField } from '../../components/editor/PointsField.tsx';
import { RegionEditor } from '../../components/editor/RegionEditor.tsx';
import type { KindFieldsProps } from '../kind.ts';

/**
 * The picture students pin on, its description for screen readers, and the areas where a pin is
 * correct (none: a poll, not graded), and the points.
 */
export function PinOnImageFields({ slideId, question, onChange }: KindFieldsProps<'pin-on-image'>) {
  return (
    <>
      <ImagePicker
        id={slideFieldId(slideId, 'image')}
        label="Image to pin on"
        value={question.imageUrl}
        previewAlt={question.imageAlt.trim() || 'Image students pin on (not yet described)'}
        required
        onChange={(image) => onChange((latest) => ({ ...latest, imageUrl: image?.url ?? '' }))}
      />
      <TextField
        id={slideFieldId(slideId, 'imageAlt')}
        label="Image description"
        hint="Read aloud by screen readers, so every student knows what the picture shows."
        value={question.imageAlt}
        onChange={(imageAlt) => onChange((latest) => ({ ...latest, imageAlt }))}
        maxLength={LIMITS.promptMax}
        required
        multiline
        rows={2}
        placeholder="A map of Europe with country borders and no names"
      />
      <RegionEditor
        id={slideFieldId(slideId, 'targets')}
        legend="Correct area(s)"
        hint={`Drag on the image to draw up to ${LIMITS.pinTargetsMax} rectangles, or add them by numbers. A pin in any of them is correct. With none, answers are not graded.`}
        imageUrl={question.imageUrl}
        regions={question.targets ?? []}
        max={LIMITS.pinTargetsMax}
        regionName={(index) => `Correct area ${index + 1}`}
        onChange={(targets) => {
          const { targets: _old, ...rest } = question;
          onChange(targets.length > 0 ? { ...rest, targets } : rest);
        }}
      />
      <PointsField slideId={slideId} question={question} onChange={onChange} />
    </>
  );
}
