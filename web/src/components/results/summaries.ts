import { formatCount, formatNumber } from './format.ts';
import type { NumberStats } from './histogram-bins.ts';

/**
 * One-sentence text alternatives (aria-label) for the charts: what a sighted teacher takes in at
 * a glance. The exact numbers are in each chart's data table. Summaries of one kind's results
 * are in that kind's folder (src/kinds/<kind>/summary.ts).
 */

export function numberSummary(stats: NumberStats): string {
  const spread =
    stats.min === stats.max
      ? `all ${formatNumber(stats.min)}`
      : `from ${formatNumber(stats.min)} to ${formatNumber(stats.max)}`;
  return `Histogram of ${formatCount(stats.count, 'answer')} ${spread}; median ${formatNumber(stats.median)}, mean ${formatNumber(stats.mean)}.`;
}
