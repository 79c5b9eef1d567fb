import { useMemo } from 'react';
import { PinMap } from '../../components/results/PinMap.tsx';
import { pinRegions } from '../../components/results/pin-map.ts';
import { useResultsText } from '../../components/results/results-text.ts';
import type { KindResultsProps } from '../kind.ts';
import { visiblePins } from './aggregate.ts';
import { pinSummary } from './summary.ts';

/** Every pin on the question's image as a heat map (correct areas outlined once revealed), and the pins per area as a table. */
export function PinOnImageResults({
  question,
  entries,
  size,
  correctRevealed,
  classes,
}: KindResultsProps<'pin-on-image'>) {
  const text = useResultsText();
  const pins = useMemo(() => visiblePins(entries), [entries]);
  const regions = useMemo(() => pinRegions(pins), [pins]);
  return (
    <PinMap
      imageUrl={question.imageUrl}
      pins={pins}
      regions={regions}
      summary={pinSummary(question.imageAlt, pins.length, regions, text)}
      size={size}
      classes={classes}
      targets={correctRevealed ? question.targets : undefined}
    />
  );
}
