'use client';

import type { Point, Region } from '@classpulse/realtime/protocol';
import { useTranslations } from 'next-intl';
import { useRef, useState, type PointerEvent } from 'react';
import { describe, FieldErrorList, OptionalMark, useEditor, useFieldErrors } from './fields.tsx';
import { CloseIcon, PlusIcon } from './Icons.tsx';
import {
  DEFAULT_REGION,
  regionPercents,
  isDrawnRegion,
  regionFromDrag,
  regionPercent,
  withRegionPercent,
  type RegionSide,
} from './regions.ts';
import styles from './RegionEditor.module.css';

interface RegionEditorProps {
  /** DOM id of the group; validation errors about the regions land here. */
  id: string;
  legend: string;
  hint: string;
  imageUrl: string;
  regions: readonly Region[];
  max: number;
  /** A region's name in labels and announcements ("Area 2", "Target for Paris"). */
  regionName: (index: number) => string;
  onChange: (regions: Region[]) => void;
}

/** The numbers of a region; "left" and "top" are the image's own (they never mirror). */
const SIDES: readonly RegionSide[] = ['x', 'y', 'width', 'height'];

const pct = (v: number) => `${(v * 100).toFixed(2)}%`;

/** One percent box that keeps what the teacher types ("12.") while the region holds numbers. */
function PercentField({
  id,
  label,
  value,
  onChange,
}: {
  id: string;
  label: string;
  value: number;
  onChange: (percent: number) => void;
}) {
  const shown = regionPercent(value);
  const [text, setText] = useState(String(shown));
  const [synced, setSynced] = useState(shown);
  // A drag on the image changed the region: show its value (unless the box already says it).
  if (synced !== shown) {
    setSynced(shown);
    if (Number(text) !== shown || text.trim() === '') setText(String(shown));
  }
  return (
    <div className={styles.percentField}>
      <label htmlFor={id}>{label}</label>
      <span className={styles.percentBox}>
        <input
          id={id}
          type="number"
          inputMode="decimal"
          min={0}
          max={100}
          step="any"
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            const n = Number(e.target.value);
            if (e.target.value.trim() !== '' && Number.isFinite(n)) onChange(n);
          }}
          onBlur={() => setText(String(shown))}
        />
        <span aria-hidden="true">%</span>
      </span>
    </div>
  );
}

/**
 * Rectangles on an image: drawn by dragging with a mouse, pen or finger, and the same thing by
 * numbers (left, top, width, height in percent) for keyboards and exact placement. Shared by the
 * pin question's correct areas and the draggable question's marker targets.
 */
export function RegionEditor({
  id,
  legend,
  hint,
  imageUrl,
  regions,
  max,
  regionName,
  onChange,
}: RegionEditorProps) {
  const t = useTranslations('editor');
  const { requestFocus } = useEditor();
  const errors = useFieldErrors(id);
  const where = (r: Region) => t('regions.where', regionPercents(r));
  const stage = useRef<HTMLDivElement>(null);
  const [start, setStart] = useState<Point | null>(null);
  const [draft, setDraft] = useState<Region | null>(null);
  const [status, setStatus] = useState('');
  const canAdd = regions.length < max;
  // With one region allowed, drawing again replaces it rather than being refused.
  const replaces = max === 1 && regions.length === 1;
  const fieldId = (index: number, side: RegionSide) => `${id}-${index}-${side}`;

  const pointAt = (event: PointerEvent<HTMLDivElement>): Point | null => {
    const rect = stage.current?.getBoundingClientRect();
    if (!rect || rect.width === 0 || rect.height === 0) return null;
    return {
      x: Math.min(1, Math.max(0, (event.clientX - rect.left) / rect.width)),
      y: Math.min(1, Math.max(0, (event.clientY - rect.top) / rect.height)),
    };
  };

  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    if (event.pointerType === 'mouse' && event.button !== 0) return;
    if (!canAdd && !replaces) {
      setStatus(t('regions.full'));
      return;
    }
    const at = pointAt(event);
    if (!at) return;
    event.preventDefault();
    event.currentTarget.setPointerCapture(event.pointerId);
    setStart(at);
    setDraft(null);
  };

  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    if (!start) return;
    const at = pointAt(event);
    if (at) setDraft(regionFromDrag(start, at));
  };

  const onPointerUp = (event: PointerEvent<HTMLDivElement>) => {
    if (!start) return;
    const at = pointAt(event);
    const drawn = at ? regionFromDrag(start, at) : null;
    setStart(null);
    setDraft(null);
    if (!drawn || !isDrawnRegion(drawn)) return;
    const index = replaces ? 0 : regions.length;
    onChange(replaces ? [drawn] : [...regions, drawn]);
    setStatus(t('regions.drawn', { name: regionName(index), where: where(drawn) }));
  };

  const add = () => {
    if (!canAdd) return;
    onChange([...regions, DEFAULT_REGION]);
    setStatus(
      t('regions.added', { name: regionName(regions.length), where: where(DEFAULT_REGION) }),
    );
    requestFocus(fieldId(regions.length, 'x'));
  };

  const remove = (index: number) => {
    onChange(regions.filter((_, i) => i !== index));
    setStatus(t('regions.removed', { name: regionName(index) }));
    if (regions.length > 1) requestFocus(fieldId(Math.max(0, index - 1), 'x'));
    else requestFocus(`${id}-add`);
  };

  return (
    <fieldset
      id={id}
      tabIndex={-1}
      className={styles.group}
      aria-describedby={describe(id, true, errors)['aria-describedby']}
    >
      <legend>
        {legend}
        <OptionalMark />
      </legend>
      <p id={`${id}-hint`} className={styles.hint}>
        {hint}
      </p>
      <FieldErrorList id={id} errors={errors} />
      {imageUrl ? (
        <div
          ref={stage}
          role="img"
          aria-label={t('regions.picture', {
            legend,
            areas:
              regions.length === 0
                ? t('regions.none')
                : regions
                    .map((r, i) => t('regions.area', { name: regionName(i), where: where(r) }))
                    .join('; '),
          })}
          dir="ltr"
          className={styles.stage}
          onPointerDown={onPointerDown}
          onPointerMove={onPointerMove}
          onPointerUp={onPointerUp}
          onPointerCancel={() => {
            setStart(null);
            setDraft(null);
          }}
        >
          {/* The fields below say everything the picture shows. */}
          <img src={imageUrl} alt="" className={styles.image} draggable={false} />
          <svg className={styles.overlay} aria-hidden="true" focusable="false">
            {regions.map((r, i) => (
              <g key={i}>
                <rect
                  className={styles.region}
                  x={pct(r.x)}
                  y={pct(r.y)}
                  width={pct(r.width)}
                  height={pct(r.height)}
                />
                <text className={styles.regionNumber} x={pct(r.x)} y={pct(r.y)} dx="6" dy="18">
                  {i + 1}
                </text>
              </g>
            ))}
            {draft ? (
              <rect
                className={styles.draft}
                x={pct(draft.x)}
                y={pct(draft.y)}
                width={pct(draft.width)}
                height={pct(draft.height)}
              />
            ) : null}
          </svg>
        </div>
      ) : (
        <p className={styles.hint}>{t('regions.chooseImage')}</p>
      )}
      {regions.length > 0 ? (
        <ol className={styles.list}>
          {regions.map((region, index) => (
            <li key={index} className={styles.row}>
              <fieldset className={styles.rowFields}>
                <legend>
                  {regionName(index)}
                  <span className="visually-hidden">{t('regions.inPercent')}</span>
                </legend>
                {SIDES.map((side) => (
                  <PercentField
                    key={side}
                    id={fieldId(index, side)}
                    label={t(`regions.sides.${side}`)}
                    value={region[side]}
                    onChange={(percent) =>
                      onChange(
                        regions.map((r, i) =>
                          i === index ? withRegionPercent(r, side, percent) : r,
                        ),
                      )
                    }
                  />
                ))}
              </fieldset>
              <button
                type="button"
                className={`button button-secondary ${styles.remove}`}
                onClick={() => remove(index)}
              >
                <CloseIcon />
                {t.rich('regions.remove', {
                  name: regionName(index),
                  hidden: (chunks) => <span className="visually-hidden">{chunks}</span>,
                })}
              </button>
            </li>
          ))}
        </ol>
      ) : null}
      {canAdd ? (
        <button id={`${id}-add`} type="button" className="button button-secondary" onClick={add}>
          <PlusIcon />
          {t.rich('regions.add', {
            one: String(max === 1),
            hidden: (chunks) => <span className="visually-hidden">{chunks}</span>,
          })}
        </button>
      ) : null}
      <p className="visually-hidden" aria-live="polite">
        {status}
      </p>
    </fieldset>
  );
}
