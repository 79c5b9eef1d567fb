import { busiestRegions } from '../../components/results/summaries.ts';
import type { ResultsText } from '../../components/results/results-text.ts';

/** The heat map's text alternative (aria-label); pins per area are in its data table. */
export function pinSummary(
  imageAlt: string,
  pinCount: number,
  regions: number[][],
  text: ResultsText,
): string {
  if (pinCount === 0) return text.t('pins.none', { image: imageAlt });
  const { areas, top, each } = busiestRegions(regions, text);
  return text.t('pins.summary', {
    image: imageAlt,
    count: pinCount,
    n: text.f.number(pinCount),
    areas,
    top: text.f.number(top),
    each: String(each),
  });
}
