import type { Point } from '@classpulse/realtime/protocol';
import { useTranslations } from 'next-intl';
import {
  useEffect,
  useId,
  useRef,
  useState,
  type KeyboardEvent,
  type MouseEvent,
  type PointerEvent,
} from 'react';
import { cn } from '../../components/answer/classes.ts';
import { QuestionGroup } from '../../components/answer/QuestionGroup.tsx';
import { toUnit } from '../../components/answer/unit.ts';
import type { KindInputProps } from '../kind.ts';
import { contentLanguage as langOf } from '../../lib/content-language.ts';
import type { DraggableDraft } from './kind.ts';
import { labelSide, movedByKey, sayWith, startOf } from './markers.ts';

/** A marker picked up: by keyboard it moves with arrow keys; by a tap it waits for a tap on the picture. */
type Carry = { id: string; mode: 'keyboard'; at: Point } | { id: string; mode: 'tap' };

/** A pointer pressed on a marker: it becomes a drag once it has moved a few pixels. */
interface Press {
  id: string;
  pointerId: number;
  x0: number;
  y0: number;
  moved: boolean;
}

/** Pixels a pointer moves before a press counts as a drag rather than a tap. */
const DRAG_THRESHOLD = 6;
/** A click this soon after a drag ended belongs to the drag (browsers send one), not a new tap. */
const CLICK_AFTER_DRAG_MS = 400;

const pct = (v: number) => `${(v * 100).toFixed(2)}%`;

/**
 * Labelled markers to put on the question's image. Three ways, all ending in the same answer:
 * drag a marker (mouse, pen or finger: pointer events) from the tray or where it lies; tap a
 * marker then tap the picture; or with the keyboard, Space/Enter on a marker picks it up, arrow
 * keys move it, Space/Enter places it and Escape cancels. Every step is said in a live region.
 * Markers are SVG at percentage coordinates: no inline styles for a CSP to block.
 */
export function DraggableInput({
  question,
  value,
  onChange,
  disabled,
  errorId,
  contentLanguage,
  classes,
}: KindInputProps<'draggable', DraggableDraft>) {
  const t = useTranslations('kinds.draggable');
  const say = sayWith(t);
  const id = useId();
  const hintId = `${id}-hint`;
  const [announcement, setAnnouncement] = useState('');
  const [carry, setCarry] = useState<Carry | null>(null);
  const [dragAt, setDragAt] = useState<{ id: string; at: Point | null } | null>(null);
  const press = useRef<Press | null>(null);
  const dragEndedAt = useRef(Number.NEGATIVE_INFINITY);
  const tappedAt = useRef<{ id: string; time: number } | null>(null);
  const stage = useRef<HTMLDivElement>(null);
  const image = useRef<HTMLImageElement>(null);
  const [loaded, setLoaded] = useState(false);
  useEffect(() => {
    // A cached picture can finish loading before React attaches onLoad.
    if (image.current?.complete && image.current.naturalWidth > 0) setLoaded(true);
  }, []);

  const labelOf = (markerId: string) =>
    question.markers.find((m) => m.id === markerId)?.label ?? markerId;

  /** The point on the image under the pointer, or null outside it (or before it has a size). */
  function pointAt(event: { clientX: number; clientY: number }): Point | null {
    const rect = stage.current?.getBoundingClientRect();
    if (!loaded || !rect || rect.width === 0 || rect.height === 0) return null;
    const x = (event.clientX - rect.left) / rect.width;
    const y = (event.clientY - rect.top) / rect.height;
    if (x < 0 || x > 1 || y < 0 || y > 1) return null;
    return { x: toUnit(x), y: toUnit(y) };
  }

  function place(markerId: string, at: Point) {
    onChange({ ...value, [markerId]: at });
    setCarry(null);
    setAnnouncement(say.placed(labelOf(markerId), at));
  }

  function cancel(markerId: string) {
    setCarry(null);
    setAnnouncement(say.cancelled(labelOf(markerId), value[markerId]));
  }

  // ── pointer: drag from the tray or from the picture ──
  function onPointerDown(event: PointerEvent<Element>, markerId: string) {
    if (disabled || (event.pointerType === 'mouse' && event.button !== 0)) return;
    press.current = {
      id: markerId,
      pointerId: event.pointerId,
      x0: event.clientX,
      y0: event.clientY,
      moved: false,
    };
    // Later moves come here even when the pointer leaves the marker.
    event.currentTarget.setPointerCapture(event.pointerId);
  }

  function onPointerMove(event: PointerEvent<Element>) {
    const p = press.current;
    if (!p || p.pointerId !== event.pointerId) return;
    if (!p.moved && Math.hypot(event.clientX - p.x0, event.clientY - p.y0) < DRAG_THRESHOLD) return;
    if (!p.moved) {
      p.moved = true;
      setCarry(null);
    }
    setDragAt({ id: p.id, at: pointAt(event) });
  }

  function onPointerUp(event: PointerEvent<Element>) {
    const p = press.current;
    if (!p || p.pointerId !== event.pointerId) return;
    press.current = null;
    if (!p.moved) {
      // A tap: the click that follows decides. Some browsers give a tap's click detail 0, as a
      // key's, so remember that this one came from a pointer.
      tappedAt.current = { id: p.id, time: performance.now() };
      return;
    }
    dragEndedAt.current = performance.now();
    setDragAt(null);
    const at = pointAt(event);
    if (at) place(p.id, at);
    else setAnnouncement(say.missed(labelOf(p.id)));
  }

  function onPointerCancel() {
    press.current = null;
    setDragAt(null);
  }

  // The clock, not event.timeStamp: synthetic and real input events may not share a time base.
  const justDragged = () => performance.now() - dragEndedAt.current < CLICK_AFTER_DRAG_MS;

  // ── tray buttons: keyboard pick-up/drop (a click with detail 0) or tap-to-select ──
  function onTrayClick(event: MouseEvent<HTMLButtonElement>, markerId: string) {
    if (disabled || justDragged()) return;
    const label = labelOf(markerId);
    const tap = tappedAt.current;
    tappedAt.current = null;
    const byPointer =
      event.detail > 0 ||
      (tap?.id === markerId && performance.now() - tap.time < CLICK_AFTER_DRAG_MS);
    if (!byPointer) {
      // Enter or Space: pick up, or place the marker being carried.
      if (carry?.id === markerId && carry.mode === 'keyboard') return place(markerId, carry.at);
      const at = startOf(value[markerId]);
      setCarry({ id: markerId, mode: 'keyboard', at });
      return setAnnouncement(say.pickedUp(label, at));
    }
    if (carry?.id === markerId) return cancel(markerId);
    setCarry({ id: markerId, mode: 'tap' });
    setAnnouncement(say.selected(label));
  }

  function onTrayKeyDown(event: KeyboardEvent<HTMLButtonElement>, markerId: string) {
    if (disabled || carry?.id !== markerId) return;
    if (event.key === 'Escape') {
      event.preventDefault();
      return cancel(markerId);
    }
    if (carry.mode !== 'keyboard') return;
    const at = movedByKey(carry.at, event.key, event.shiftKey);
    if (!at) return;
    event.preventDefault(); // arrows would scroll the page
    setCarry({ ...carry, at });
    setAnnouncement(say.moved(labelOf(markerId), at));
  }

  function onStageClick(event: MouseEvent<HTMLDivElement>) {
    if (disabled || carry?.mode !== 'tap' || justDragged()) return;
    const at = pointAt(event);
    if (at) place(carry.id, at);
  }

  /** Where each marker shows now: being dragged, carried by keyboard, or where it was placed. */
  function shownAt(markerId: string): Point | undefined {
    if (dragAt?.id === markerId) return dragAt.at ?? value[markerId];
    if (carry?.id === markerId && carry.mode === 'keyboard') return carry.at;
    return value[markerId];
  }

  return (
    <QuestionGroup
      prompt={question.prompt}
      hintId={hintId}
      errorId={errorId}
      language={contentLanguage}
      classes={classes}
    >
      <p id={hintId} className={classes.hint}>
        {t('hint')}
      </p>
      <ul className={classes.markerTray} aria-label={t('markers')}>
        {question.markers.map((marker, index) => {
          const placed = value[marker.id];
          const active = carry?.id === marker.id || dragAt?.id === marker.id;
          return (
            <li key={marker.id}>
              <button
                type="button"
                className={cn(classes.markerButton, active && classes.markerActive)}
                aria-describedby={hintId}
                aria-pressed={carry?.id === marker.id}
                disabled={disabled}
                onClick={(event) => onTrayClick(event, marker.id)}
                onKeyDown={(event) => onTrayKeyDown(event, marker.id)}
                onBlur={() => {
                  if (carry?.id === marker.id && carry.mode === 'keyboard') cancel(marker.id);
                }}
                onPointerDown={(event) => onPointerDown(event, marker.id)}
                onPointerMove={onPointerMove}
                onPointerUp={onPointerUp}
                onPointerCancel={onPointerCancel}
              >
                <span className={classes.markerBadge} aria-hidden="true">
                  {index + 1}
                </span>
                {/* Named by its visible words, "Paris placed 42% across, 18% down", as speech
                  input needs; a hidden comma would be read as " , " (it is out of flow). */}
                <span
                  className={classes.markerLabel}
                  data-read-part=""
                  data-read-text={marker.label}
                >
                  {marker.label}{' '}
                  <span className={classes.markerState}>
                    {placed ? t('placed') : t('notPlaced')}
                  </span>
                  {placed ? (
                    <span className="visually-hidden">{` ${say.point(placed)}`}</span>
                  ) : null}
                </span>
              </button>
            </li>
          );
        })}
      </ul>
      <div
        ref={stage}
        className={cn(classes.pinStage, carry?.mode === 'tap' && classes.markerStageTarget)}
        // Places on a picture are the picture's own: never mirrored in a right-to-left page.
        dir="ltr"
        aria-disabled={disabled || undefined}
        onClick={onStageClick}
      >
        <img
          ref={image}
          onLoad={() => setLoaded(true)}
          src={question.imageUrl}
          alt={question.imageAlt}
          {...langOf(contentLanguage)}
          className={classes.pinImage}
          draggable={false}
        />
        <svg className={classes.pinOverlay} aria-hidden="true" focusable="false">
          {question.markers.map((marker, index) => {
            const at = shownAt(marker.id);
            if (!at) return null;
            const side = labelSide(at);
            const moving = carry?.id === marker.id || dragAt?.id === marker.id;
            return (
              <g
                key={marker.id}
                className={cn(classes.markerHandle, moving && classes.markerMoving)}
                onPointerDown={(event) => onPointerDown(event, marker.id)}
                onPointerMove={onPointerMove}
                onPointerUp={onPointerUp}
                onPointerCancel={onPointerCancel}
              >
                {/* A larger invisible circle: a finger-sized grip. */}
                <circle cx={pct(at.x)} cy={pct(at.y)} r="24" fill="transparent" />
                <circle cx={pct(at.x)} cy={pct(at.y)} r="16" fill="#16161d" />
                <circle cx={pct(at.x)} cy={pct(at.y)} r="14" fill="#4338ca" stroke="#fff" />
                <text
                  x={pct(at.x)}
                  y={pct(at.y)}
                  dy="5"
                  textAnchor="middle"
                  className={classes.markerNumber}
                >
                  {index + 1}
                </text>
                <text
                  x={pct(at.x)}
                  y={pct(at.y)}
                  dx={side === 'start' ? 20 : -20}
                  dy="5"
                  textAnchor={side}
                  className={classes.markerText}
                >
                  {marker.label}
                </text>
              </g>
            );
          })}
        </svg>
      </div>
      <p className="visually-hidden" aria-live="polite">
        {announcement}
      </p>
    </QuestionGroup>
  );
}
