'use client';

import { useTranslations } from 'next-intl';
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
  const t = useTranslations('editor');
  return (
    <>
      <ImagePicker
        id={slideFieldId(slideId, 'image')}
        label={t('pinFields.image')}
        value={question.imageUrl}
        previewAlt={question.imageAlt.trim() || t('pinFields.imageUndescribed')}
        required
        onChange={(image) => onChange((latest) => ({ ...latest, imageUrl: image?.url ?? '' }))}
      />
      <TextField
        id={slideFieldId(slideId, 'imageAlt')}
        label={t('kindFields.imageDescription')}
        hint={t('slideEditor.slideImageDescriptionHint')}
        value={question.imageAlt}
        onChange={(imageAlt) => onChange((latest) => ({ ...latest, imageAlt }))}
        maxLength={LIMITS.promptMax}
        required
        multiline
        rows={2}
        placeholder={t('pinFields.imageAltPlaceholder')}
      />
      <RegionEditor
        id={slideFieldId(slideId, 'targets')}
        legend={t('pinFields.targets')}
        hint={t('pinFields.targetsHint', { max: LIMITS.pinTargetsMax })}
        imageUrl={question.imageUrl}
        regions={question.targets ?? []}
        max={LIMITS.pinTargetsMax}
        regionName={(index) => t('pinFields.target', { number: index + 1 })}
        onChange={(targets) => {
          const { targets: _old, ...rest } = question;
          onChange(targets.length > 0 ? { ...rest, targets } : rest);
        }}
      />
      <PointsField slideId={slideId} question={question} onChange={onChange} />
    </>
  );
}
