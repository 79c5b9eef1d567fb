import { useTranslations } from 'next-intl';
import {
  useEffect,
  useId,
  useLayoutEffect,
  useRef,
  useState,
  type KeyboardEvent,
  type PointerEvent,
} from 'react';
import { cn } from '../../components/answer/classes.ts';
import { followPointer, isDragPress } from '../../components/answer/pointer-drag.ts';
import { QuestionGroup } from '../../components/answer/QuestionGroup.tsx';
import { contentLanguage as langOf } from '../../lib/content-language.ts';
import type { KindInputProps } from '../kind.ts';
import { knownPlacements, type SortIntoGroupsDraft } from './kind.ts';

/** The tray of items not yet in a group; '' is never an id (the protocol's ids are not empty). */
const TRAY = '';
/** A press that moves less than this (px) is a tap: it picks the item up without dragging it. */
const TAP_SLOP = 8;

interface Lifted {
  id: string;
  /** The place it would be dropped: a group's id or the tray; null while dragged outside them. */
  target: string | null;
  /** Dragged by a pointer now; else picked up (keyboard or tap) and waiting for a place. */
  dragging: boolean;
}

/**
 * Items start in an "Unsorted" tray; the student drags each into a group (mouse or finger), or
 * taps it and then a group's "Move here", or focuses it and presses Space to pick it up, the arrow
 * keys to choose a group and Space to drop it (Escape cancels), each step announced. While dragged
 * the item follows the pointer through the CSSOM (`style.translate`), which a style-src CSP allows.
 */
export function SortIntoGroupsInput({
  question,
  value,
  onChange,
  disabled,
  errorId,
  contentLanguage,
  classes,
}: KindInputProps<'sort-into-groups', SortIntoGroupsDraft>) {
  const t = useTranslations('kinds.sort');
  const id = useId();
  const hintId = `${id}-hint`;
  const placements = knownPlacements(question, value);
  const zones = [{ id: TRAY, label: t('unsorted') }, ...question.groups];
  const zoneName = (zoneId: string) => zones.find((z) => z.id === zoneId)?.label ?? t('unsorted');
  const zoneOf = (itemId: string) => placements[itemId] ?? TRAY;
  const itemLabel = (itemId: string) =>
    question.items.find((item) => item.id === itemId)?.label ?? itemId;
  const [lifted, setLifted] = useState<Lifted | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const focusRequest = useRef<string | null>(null);
  const stopDrag = useRef<(() => void) | null>(null);
  const chipId = (itemId: string) => `${id}-item-${itemId}`;
  const zoneId = (zone: string) => `${id}-zone-${zone || 'tray'}`;

  // A dropped item is a new element in its group: focus follows it there.
  useLayoutEffect(() => {
    const itemId = focusRequest.current;
    if (itemId === null) return;
    focusRequest.current = null;
    document.getElementById(chipId(itemId))?.focus();
  });
  useEffect(() => () => stopDrag.current?.(), []);

  function place(itemId: string, zone: string) {
    setLifted(null);
    focusRequest.current = itemId;
    const next = { ...placements };
    if (zone === TRAY) delete next[itemId];
    else next[itemId] = zone;
    onChange(next);
    const left = question.items.filter((item) => next[item.id] === undefined).length;
    const rest = left === 0 ? t('allSorted') : t('left', { count: left });
    setAnnouncement(t('dropped', { item: itemLabel(itemId), group: zoneName(zone), rest }));
  }

  function cancel(itemId: string) {
    setLifted(null);
    setAnnouncement(t('cancelled', { item: itemLabel(itemId), group: zoneName(zoneOf(itemId)) }));
  }

  function pickUp(itemId: string) {
    const zone = zoneOf(itemId);
    setLifted({ id: itemId, target: zone, dragging: false });
    setAnnouncement(t('pickedUp', { item: itemLabel(itemId), group: zoneName(zone) }));
  }

  function handleKeyDown(event: KeyboardEvent<HTMLButtonElement>, itemId: string) {
    if (disabled) return;
    const holding = lifted?.id === itemId ? lifted : null;
    if (event.key === ' ' || event.key === 'Enter') {
      event.preventDefault();
      if (holding) place(itemId, holding.target ?? zoneOf(itemId));
      else pickUp(itemId);
      return;
    }
    if (!holding) return;
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      cancel(itemId);
      return;
    }
    const step =
      event.key === 'ArrowDown' || event.key === 'ArrowRight'
        ? 1
        : event.key === 'ArrowUp' || event.key === 'ArrowLeft'
          ? -1
          : 0;
    if (step === 0) return;
    event.preventDefault(); // arrows would scroll the page
    const from = zones.findIndex((z) => z.id === (holding.target ?? zoneOf(itemId)));
    const to = (from + step + zones.length) % zones.length;
    const target = zones[to];
    if (!target) return;
    setLifted({ ...holding, target: target.id });
    const where =
      target.id === TRAY
        ? t('unsorted')
        : t('groupOf', { group: target.label, number: to, total: zones.length - 1 });
    setAnnouncement(t('over', { item: itemLabel(itemId), where }));
  }

  function zoneAt(x: number, y: number): string | null {
    for (const zone of zones) {
      const rect = document.getElementById(zoneId(zone.id))?.getBoundingClientRect();
      if (rect && x >= rect.left && x <= rect.right && y >= rect.top && y <= rect.bottom)
        return zone.id;
    }
    return null;
  }

  function handlePointerDown(event: PointerEvent<HTMLButtonElement>, itemId: string) {
    if (disabled || !isDragPress(event)) return;
    const chip = event.currentTarget;
    const startX = event.clientX;
    const startY = event.clientY;
    const startScroll = window.scrollY;
    const wasLifted = lifted?.id === itemId && !lifted.dragging;
    let dragged = false;
    let target: string | null = zoneOf(itemId);
    stopDrag.current?.();
    stopDrag.current = followPointer(event, {
      onMove: (x, y) => {
        const dx = x - startX;
        const dy = y - startY + (window.scrollY - startScroll);
        if (!dragged && Math.hypot(dx, dy) < TAP_SLOP) return;
        const first = !dragged;
        dragged = true;
        chip.style.translate = `${dx}px ${dy}px`;
        const over = zoneAt(x, y);
        if (over !== target || first) {
          target = over;
          setLifted({ id: itemId, target: over, dragging: true });
        }
      },
      onEnd: (dropped) => {
        stopDrag.current = null;
        chip.style.translate = '';
        if (!dragged) {
          // A tap: pick it up (or put it down again), then tap a group's "Move here".
          if (!dropped) return;
          if (wasLifted) cancel(itemId);
          else pickUp(itemId);
          return;
        }
        if (dropped && target !== null && target !== zoneOf(itemId)) place(itemId, target);
        else cancel(itemId);
      },
    });
  }

  const waiting = lifted && !lifted.dragging ? lifted : null;
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
      <div className={classes.sortBoard}>
        {zones.map((zone) => {
          const items = question.items.filter((item) => zoneOf(item.id) === zone.id);
          const headingId = `${zoneId(zone.id)}-name`;
          const tray = zone.id === TRAY;
          return (
            <div
              key={zone.id || 'tray'}
              id={zoneId(zone.id)}
              role="group"
              aria-labelledby={headingId}
              className={cn(
                classes.sortZone,
                tray && classes.sortTray,
                lifted?.target === zone.id && classes.sortTarget,
              )}
            >
              <div className={classes.sortZoneHead}>
                <p
                  id={headingId}
                  className={classes.sortZoneName}
                  {...(tray ? {} : { 'data-read-part': '', 'data-read-text': zone.label })}
                >
                  {`${zone.label} `}
                  <span className={classes.sortCount}>{t('count', { count: items.length })}</span>
                </p>
                {waiting && zoneOf(waiting.id) !== zone.id ? (
                  <button
                    type="button"
                    className={cn('button', 'button-secondary', classes.sortHere)}
                    onClick={() => place(waiting.id, zone.id)}
                  >
                    {t('moveHere')}
                    <span className="visually-hidden">
                      {t('moveHereDetail', { item: itemLabel(waiting.id), group: zone.label })}
                    </span>
                  </button>
                ) : null}
              </div>
              {items.length > 0 ? (
                <ul className={classes.sortItems}>
                  {items.map((item) => (
                    <li key={item.id}>
                      <button
                        type="button"
                        id={chipId(item.id)}
                        className={cn(
                          classes.sortChip,
                          lifted?.id === item.id && classes.sortLifted,
                        )}
                        disabled={disabled}
                        aria-describedby={hintId}
                        aria-pressed={waiting?.id === item.id}
                        data-read-part=""
                        {...langOf(contentLanguage)}
                        onKeyDown={(event) => handleKeyDown(event, item.id)}
                        onPointerDown={(event) => handlePointerDown(event, item.id)}
                      >
                        {item.label}
                      </button>
                    </li>
                  ))}
                </ul>
              ) : (
                <p className={classes.sortEmpty}>{tray ? t('trayEmpty') : t('dropHere')}</p>
              )}
            </div>
          );
        })}
      </div>
      <p className="visually-hidden" aria-live="assertive">
        {announcement}
      </p>
    </QuestionGroup>
  );
}
