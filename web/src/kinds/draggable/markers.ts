import type { Point } from '@classpulse/realtime/protocol';
import type { Messages } from 'next-intl';
import { toUnit } from '../../components/answer/unit.ts';
import { percent } from '../pin-on-image/pin.ts';

/** Arrow-key steps while a marker is carried: 5% of the image, 1% with Shift. */
export const MARKER_STEP = 0.05;
export const MARKER_FINE_STEP = 0.01;

const DIRECTIONS: Readonly<Record<string, readonly [number, number]>> = {
  ArrowLeft: [-1, 0],
  ArrowRight: [1, 0],
  ArrowUp: [0, -1],
  ArrowDown: [0, 1],
};

/** Where a carried marker goes on an arrow key, or null for any other key. */
export function movedByKey(at: Point, key: string, fine: boolean): Point | null {
  const direction = DIRECTIONS[key];
  if (!direction) return null;
  const step = fine ? MARKER_FINE_STEP : MARKER_STEP;
  return { x: toUnit(at.x + direction[0] * step), y: toUnit(at.y + direction[1] * step) };
}

/** Where a keyboard pick-up starts: where the marker is, or the middle of the image. */
export const startOf = (placed: Point | undefined): Point => placed ?? { x: 0.5, y: 0.5 };

/** The `kinds.draggable` messages (a `useTranslations('kinds.draggable')`). */
export type DraggableWords = (
  key: keyof Messages['kinds']['draggable'],
  values?: Record<string, string | number>,
) => string;

/** What the live region says at each step of a keyboard or pointer move, in the reader's language. */
export function sayWith(t: DraggableWords) {
  const point = (at: Point) => t('point', { x: percent(at.x), y: percent(at.y) });
  return {
    point,
    pickedUp: (label: string, at: Point) => t('pickedUp', { label, point: point(at) }),
    moved: (label: string, at: Point) => t('moved', { label, point: point(at) }),
    placed: (label: string, at: Point) => t('placedAt', { label, point: point(at) }),
    cancelled: (label: string, back: Point | undefined) =>
      back ? t('cancelledBack', { label, point: point(back) }) : t('cancelledNotPlaced', { label }),
    selected: (label: string) => t('selected', { label }),
    missed: (label: string) => t('missed', { label }),
  } as const;
}

/** Where a label goes beside its marker: left of it near the right edge, so it stays on the image. */
export const labelSide = (at: Point): 'start' | 'end' => (at.x > 0.6 ? 'end' : 'start');
