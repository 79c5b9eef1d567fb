import { visibleAnswers, type ResultEntry } from '../../components/results/aggregate.ts';
import type { Pin } from '../../components/results/pin-map.ts';

export function visiblePins(entries: readonly ResultEntry[]): Pin[] {
  return visibleAnswers(entries, 'pin-on-image').map(({ x, y }) => ({ x, y }));
}
