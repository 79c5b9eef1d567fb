import type { NumberStats } from './histogram-bins.ts';
import { REGION_KEYS } from './pin-map.ts';
import { responsesText, type ResultsText } from './results-text.ts';

/**
 * One-sentence text alternatives (aria-label) for the charts: what a sighted teacher takes in at
 * a glance. The exact numbers are in each chart's data table. Summaries of one kind's results
 * are in that kind's folder (src/kinds/<kind>/summary.ts).
 */

export function numberSummary(stats: NumberStats, { t, f }: ResultsText): string {
  const spread =
    stats.min === stats.max
      ? t('histogram.allSame', { value: f.number(stats.min) })
      : t('histogram.spread', { min: f.number(stats.min), max: f.number(stats.max) });
  return t('histogram.summary', {
    count: stats.count,
    n: f.number(stats.count),
    spread,
    median: f.number(stats.median),
    mean: f.number(stats.mean),
  });
}

/** Pins per ninth of an image with each ninth's name, rows top to bottom, columns left to right. */
export function namedRegions(
  regions: number[][],
  { t }: ResultsText,
): Array<{ count: number; name: string }> {
  return regions.flatMap((row, r) =>
    row.map((count, c) => {
      const key = REGION_KEYS[r]?.[c];
      return { count, name: key ? t(`regions.${key}`) : `${r},${c}` };
    }),
  );
}

/** The busiest areas and their count: "Most pins: top left and center (3 each)". */
export function busiestRegions(
  regions: number[][],
  text: ResultsText,
): { areas: string; top: number; each: boolean } {
  const cells = namedRegions(regions, text);
  const top = Math.max(...cells.map((cell) => cell.count));
  const busiest = cells.filter((cell) => cell.count === top).map((cell) => cell.name);
  return { areas: text.f.list(busiest), top, each: busiest.length > 1 };
}

/** "3 responses. Most chosen: Paris, 2 (67%)." and the correct part, for both choice kinds. */
export function choiceSentence<O extends { count: number; share: number }>(
  tally: { respondents: number; options: readonly O[] },
  correctPart: string,
  name: (option: O) => string,
  text: ResultsText,
): string {
  const { t, f } = text;
  if (tally.respondents === 0) return t('choice.none', { correctPart });
  const top = Math.max(...tally.options.map((o) => o.count));
  const leaders = tally.options.filter((o) => o.count === top);
  const first = leaders[0];
  const lead = first
    ? t('choice.lead', {
        options: f.list(leaders.map(name)),
        top: f.number(top),
        each: String(leaders.length > 1),
        percent: f.percent(first.share),
      })
    : '';
  return t('choice.summary', {
    responses: responsesText(text, tally.respondents),
    lead,
    correctPart,
  });
}
