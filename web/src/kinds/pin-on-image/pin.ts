import { toUnit } from '../../components/answer/unit.ts';
import type { Pin } from './kind.ts';

/** Arrow-key steps: 5% of the image, 1% with Shift for fine placement. */
export const PIN_STEP = 0.05;
export const PIN_FINE_STEP = 0.01;

const DIRECTIONS: Readonly<Record<string, readonly [number, number]>> = {
  ArrowLeft: [-1, 0],
  ArrowRight: [1, 0],
  ArrowUp: [0, -1],
  ArrowDown: [0, 1],
};

/**
 * The pin after a key press, or null when the key is not one the pin handles. The first arrow
 * press (or Enter/Space) with no pin places it in the middle, so keyboard users start somewhere.
 */
export function pinAfterKey(pin: Pin | null, key: string, fine: boolean): Pin | null {
  const direction = DIRECTIONS[key];
  if (!direction && key !== 'Enter' && key !== ' ') return null;
  if (pin === null) return { x: 0.5, y: 0.5 };
  if (!direction) return pin;
  const step = fine ? PIN_FINE_STEP : PIN_STEP;
  return { x: toUnit(pin.x + direction[0] * step), y: toUnit(pin.y + direction[1] * step) };
}

export function percent(v: number): number {
  return Math.round(v * 100);
}
