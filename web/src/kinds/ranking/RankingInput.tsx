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
import type { RankingDraft } from './kind.ts';
import { moved, shownOrder } from './order.ts';

/** Keys that move a picked-up item, by how they change its position (Home/End: to the ends). */
const STEPS: Readonly<Record<string, number>> = {
  ArrowUp: -1,
  ArrowLeft: -1,
  ArrowDown: 1,
  ArrowRight: 1,
  Home: -Infinity,
  End: Infinity,
};

type Control = 'handle' | 'up' | 'down';

interface Lifted {
  id: string;
  /** The order when it was picked up, restored by Escape. */
  origin: readonly string[];
}

/**
 * A list the student puts in order: drag an item by mouse or finger, or focus it and press Space
 * to pick it up, the arrow keys to move it and Space to drop it (Escape puts it back), each step
 * announced; every item also has Move up / Move down buttons. The list reorders as the item is
 * dragged past its neighbours' middles, so nothing floats with inline styles.
 */
export function RankingInput({
  question,
  value,
  onChange,
  disabled,
  errorId,
  contentLanguage,
  classes,
}: KindInputProps<'ranking', RankingDraft>) {
  const t = useTranslations('kinds.ranking');
  const id = useId();
  const hintId = `${id}-hint`;
  const order = shownOrder(question, value);
  const labels = new Map(question.items.map((item) => [item.id, item.label]));
  const label = (itemId: string) => labels.get(itemId) ?? itemId;
  const [lifted, setLifted] = useState<Lifted | null>(null);
  const [announcement, setAnnouncement] = useState('');
  // A moved item's element moves in the DOM and loses focus: it is given back after the render.
  const focusRequest = useRef<{ itemId: string; control: Control } | null>(null);
  const stopDrag = useRef<(() => void) | null>(null);
  const controlId = (itemId: string, control: Control) => `${id}-${control}-${itemId}`;
  const rowId = (itemId: string) => `${id}-row-${itemId}`;
  const position = (itemId: string, list: readonly string[]) =>
    t('position', { position: list.indexOf(itemId) + 1, total: list.length });

  useLayoutEffect(() => {
    const request = focusRequest.current;
    if (!request) return;
    focusRequest.current = null;
    const element = document.getElementById(controlId(request.itemId, request.control));
    if (element && element !== document.activeElement) element.focus();
  });
  useEffect(() => () => stopDrag.current?.(), []);

  function move(itemId: string, to: number, control: Control) {
    const next = moved(order, order.indexOf(itemId), to);
    onChange(next);
    focusRequest.current = { itemId, control };
    setAnnouncement(t('moved', { item: label(itemId), position: position(itemId, next) }));
    return next;
  }

  function handleKeyDown(event: KeyboardEvent<HTMLButtonElement>, itemId: string) {
    if (disabled) return;
    const holding = lifted?.id === itemId;
    if (event.key === ' ' || event.key === 'Enter') {
      event.preventDefault();
      if (holding) {
        setLifted(null);
        setAnnouncement(t('dropped', { item: label(itemId), position: position(itemId, order) }));
      } else {
        setLifted({ id: itemId, origin: order });
        setAnnouncement(t('pickedUp', { item: label(itemId), position: position(itemId, order) }));
      }
      return;
    }
    if (!holding) return;
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      onChange(lifted.origin);
      setLifted(null);
      focusRequest.current = { itemId, control: 'handle' };
      setAnnouncement(
        t('cancelled', { item: label(itemId), position: position(itemId, lifted.origin) }),
      );
      return;
    }
    const step = STEPS[event.key];
    if (step === undefined) return;
    event.preventDefault(); // arrows would scroll the page
    const from = order.indexOf(itemId);
    const to = Math.max(0, Math.min(order.length - 1, from + step));
    if (to === from) {
      const where = { item: label(itemId), position: position(itemId, order) };
      setAnnouncement(to === 0 ? t('alreadyFirst', where) : t('alreadyLast', where));
      return;
    }
    move(itemId, to, 'handle');
  }

  function handlePointerDown(event: PointerEvent<HTMLButtonElement>, itemId: string) {
    if (disabled || !isDragPress(event)) return;
    const origin = order;
    let current = origin;
    setLifted({ id: itemId, origin });
    stopDrag.current?.();
    stopDrag.current = followPointer(event, {
      onMove: (_x, y) => {
        // The new place: after every other item whose middle is above the pointer.
        let to = 0;
        for (const other of current) {
          if (other === itemId) continue;
          const rect = document.getElementById(rowId(other))?.getBoundingClientRect();
          if (rect && y > rect.top + rect.height / 2) to += 1;
        }
        const from = current.indexOf(itemId);
        if (to === from) return;
        current = moved(current, from, to);
        focusRequest.current = { itemId, control: 'handle' };
        onChange(current);
      },
      onEnd: (dropped) => {
        stopDrag.current = null;
        setLifted(null);
        if (!dropped) {
          onChange(origin);
          setAnnouncement(
            t('cancelled', { item: label(itemId), position: position(itemId, origin) }),
          );
        } else if (current !== origin) {
          setAnnouncement(
            t('dropped', { item: label(itemId), position: position(itemId, current) }),
          );
        }
      },
    });
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
      <ol className={classes.rankList}>
        {order.map((itemId, index) => {
          const name = label(itemId);
          return (
            <li
              key={itemId}
              id={rowId(itemId)}
              className={cn(classes.rankItem, lifted?.id === itemId && classes.rankLifted)}
            >
              <span className={classes.rankPosition} aria-hidden="true">
                {index + 1}
              </span>
              <button
                type="button"
                id={controlId(itemId, 'handle')}
                className={classes.rankHandle}
                disabled={disabled}
                aria-describedby={hintId}
                data-read-part=""
                data-read-text={name}
                {...langOf(contentLanguage)}
                onKeyDown={(event) => handleKeyDown(event, itemId)}
                onPointerDown={(event) => handlePointerDown(event, itemId)}
              >
                <Grip className={classes.rankGrip} />
                {name}
              </button>
              <button
                type="button"
                id={controlId(itemId, 'up')}
                className={classes.rankMove}
                disabled={disabled || index === 0}
                onClick={() => move(itemId, index - 1, index === 1 ? 'down' : 'up')}
              >
                <Arrow up />
                <span className="visually-hidden">{t('moveUp', { item: name })}</span>
              </button>
              <button
                type="button"
                id={controlId(itemId, 'down')}
                className={classes.rankMove}
                disabled={disabled || index === order.length - 1}
                onClick={() => move(itemId, index + 1, index === order.length - 2 ? 'up' : 'down')}
              >
                <Arrow up={false} />
                <span className="visually-hidden">{t('moveDown', { item: name })}</span>
              </button>
            </li>
          );
        })}
      </ol>
      <p className="visually-hidden" aria-live="assertive">
        {announcement}
      </p>
    </QuestionGroup>
  );
}

function Arrow({ up }: { up: boolean }) {
  return (
    <svg width="22" height="22" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path
        d={up ? 'M12 19V5M5 12l7-7 7 7' : 'M12 5v14M19 12l-7 7-7-7'}
        fill="none"
        stroke="currentColor"
        strokeWidth="2.5"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}

/** Six dots: the sign of something that can be dragged. */
function Grip({ className }: { className: string | undefined }) {
  return (
    <svg className={className} width="12" height="20" viewBox="0 0 12 20" aria-hidden="true">
      {[4, 10, 16].flatMap((y) =>
        [3, 9].map((x) => <circle key={`${x}-${y}`} cx={x} cy={y} r="1.8" fill="currentColor" />),
      )}
    </svg>
  );
}
