import { inRegion, type Region } from '@classpulse/realtime/protocol';
import { visibleAnswers, type ResultEntry } from '../../components/results/aggregate.ts';
import { pinRegions, type Pin } from '../../components/results/pin-map.ts';
import type { QuestionOf } from '../kind.ts';

export interface MarkerTally {
  id: string;
  label: string;
  /** Where students put this marker. */
  pins: Pin[];
  /** Those pins per ninth of the image (`pinRegions`). */
  regions: number[][];
  target: Region | undefined;
  /** How many of the pins are inside the target; null for a marker without one. */
  inTarget: number | null;
}

export interface DraggableTally {
  respondents: number;
  markers: MarkerTally[];
}

/** Every marker's placements, in the teacher's marker order. */
export function tallyMarkers(
  question: QuestionOf<'draggable'>,
  entries: readonly ResultEntry[],
): DraggableTally {
  const answers = visibleAnswers(entries, 'draggable');
  return {
    respondents: answers.length,
    markers: question.markers.map((marker) => {
      const pins = answers.flatMap((a) => {
        const at = a.positions[marker.id];
        return at ? [{ x: at.x, y: at.y }] : [];
      });
      const target = marker.target;
      return {
        id: marker.id,
        label: marker.label,
        pins,
        regions: pinRegions(pins),
        target,
        inTarget: target ? pins.filter((p) => inRegion(p, target)).length : null,
      };
    }),
  };
}
