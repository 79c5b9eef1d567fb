'use client';

import { useTranslations } from 'next-intl';
import { LIMITS } from '@classpulse/realtime/protocol';
import { useState } from 'react';
import styles from '../../components/editor/editor.module.css';
import { newClientId } from '../../components/editor/client-ids.ts';
import { slideFieldId } from '../../components/editor/field-errors.ts';
import {
  describe,
  FieldErrorList,
  NumberField,
  TextField,
  useContentAttributes,
  useEditor,
  useFieldErrors,
} from '../../components/editor/fields.tsx';
import { CloseIcon, PlusIcon } from '../../components/editor/Icons.tsx';
import { ImagePicker } from '../../components/editor/ImagePicker.tsx';
import { withOptionalNumber } from '../../components/editor/question-edits.ts';
import { RegionEditor } from '../../components/editor/RegionEditor.tsx';
import type { KindFieldsProps, QuestionOf } from '../kind.ts';

type Marker = QuestionOf<'draggable'>['markers'][number];

function MarkerRow({
  slideId,
  index,
  marker,
  imageUrl,
  canRemove,
  onChange,
  onRemove,
}: {
  slideId: string;
  index: number;
  marker: Marker;
  imageUrl: string;
  canRemove: boolean;
  onChange: (marker: Marker) => void;
  onRemove: () => void;
}) {
  const t = useTranslations('editor');
  const content = useContentAttributes();
  const id = slideFieldId(slideId, `marker-${marker.id}`);
  const errors = useFieldErrors(id);
  const name = marker.label.trim() || t('draggableFields.unnamedMarker', { number: index + 1 });
  // Open where a target exists at first; after that the teacher's toggle decides (removing the
  // area must not fold away the image they are about to draw on).
  const [open, setOpen] = useState(marker.target !== undefined);
  return (
    <li className={styles.optionRow}>
      <label htmlFor={id} className={styles.optionLetter}>
        <span className="visually-hidden">{t('draggableFields.marker')}</span>
        {index + 1}
      </label>
      <div className={styles.optionText}>
        <input
          id={id}
          type="text"
          {...content}
          value={marker.label}
          maxLength={LIMITS.markerLabelMax}
          placeholder={t('draggableFields.markerPlaceholder', { number: index + 1 })}
          onChange={(e) => onChange({ ...marker, label: e.target.value })}
          {...describe(id, false, errors)}
        />
        <FieldErrorList id={id} errors={errors} />
        <details open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
          <summary>{t('draggableFields.targetFor', { name })}</summary>
          <RegionEditor
            id={`${id}-target`}
            legend={t('draggableFields.whereBelongs', { name })}
            hint={t('draggableFields.targetHint')}
            imageUrl={imageUrl}
            regions={marker.target ? [marker.target] : []}
            max={1}
            regionName={() => t('draggableFields.targetFor', { name })}
            onChange={([target]) => {
              const { target: _old, ...rest } = marker;
              onChange(target ? { ...rest, target } : rest);
            }}
          />
        </details>
      </div>
      <button
        type="button"
        className={`button button-secondary ${styles.iconButton}`}
        onClick={onRemove}
        disabled={!canRemove}
        title={
          canRemove
            ? t('draggableFields.removeMarker', { number: index + 1 })
            : t('draggableFields.needOne')
        }
      >
        <CloseIcon />
        <span className="visually-hidden">
          {t('draggableFields.removeMarker', { number: index + 1 })}
        </span>
      </button>
    </li>
  );
}

/** The picture, its description, the labelled markers with their target areas, and the points. */
export function DraggableFields({ slideId, question, onChange }: KindFieldsProps<'draggable'>) {
  const t = useTranslations('editor');
  const { requestFocus } = useEditor();
  const groupId = slideFieldId(slideId, 'markers');
  const groupErrors = useFieldErrors(groupId);
  const { markers } = question;
  const canAdd = markers.length < LIMITS.markersMax;
  const canRemove = markers.length > LIMITS.markersMin;

  const addMarker = () => {
    if (!canAdd) return;
    const marker = { id: newClientId(), label: '' };
    onChange({ ...question, markers: [...markers, marker] });
    requestFocus(slideFieldId(slideId, `marker-${marker.id}`));
  };

  const removeMarker = (index: number) => {
    if (!canRemove) return;
    const next = markers.filter((_, i) => i !== index);
    onChange({ ...question, markers: next });
    const neighbour = next[index] ?? next[index - 1];
    if (neighbour) requestFocus(slideFieldId(slideId, `marker-${neighbour.id}`));
  };

  return (
    <>
      <ImagePicker
        id={slideFieldId(slideId, 'image')}
        label={t('draggableFields.image')}
        value={question.imageUrl}
        previewAlt={question.imageAlt.trim() || t('draggableFields.imageUndescribed')}
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
        placeholder={t('draggableFields.imageAltPlaceholder')}
      />
      <fieldset
        id={groupId}
        tabIndex={-1}
        className={styles.optionsGroup}
        aria-describedby={describe(groupId, true, groupErrors)['aria-describedby']}
      >
        <legend>{t('draggableFields.markers')}</legend>
        <p id={`${groupId}-hint`} className={styles.hint}>
          {t('draggableFields.markersHint', { min: LIMITS.markersMin, max: LIMITS.markersMax })}
        </p>
        <FieldErrorList id={groupId} errors={groupErrors} />
        <ol className={styles.optionList}>
          {markers.map((marker, index) => (
            <MarkerRow
              key={marker.id}
              slideId={slideId}
              index={index}
              marker={marker}
              imageUrl={question.imageUrl}
              canRemove={canRemove}
              onChange={(changed) =>
                onChange({
                  ...question,
                  markers: markers.map((m) => (m.id === marker.id ? changed : m)),
                })
              }
              onRemove={() => removeMarker(index)}
            />
          ))}
        </ol>
        <div className={styles.optionFooter}>
          <button
            type="button"
            className="button button-secondary"
            onClick={addMarker}
            disabled={!canAdd}
          >
            <PlusIcon />
            {t('draggableFields.addMarker')}
          </button>
          {!canAdd ? <span className={styles.hint}>{t('draggableFields.full')}</span> : null}
        </div>
      </fieldset>
      <NumberField
        id={slideFieldId(slideId, 'points')}
        label={t('points.label')}
        hint={t('draggableFields.pointsHint')}
        integer
        min={0}
        max={1000}
        value={question.points}
        onChange={(points) => onChange(withOptionalNumber(question, 'points', points))}
        className={styles.narrowField}
      />
    </>
  );
}
