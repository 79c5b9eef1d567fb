/**
 * Statistics and live histogram bins for number answers (the Histogram chart). Pure, so every
 * rule is unit-tested on its own.
 */

export interface NumberStats {
  count: number;
  min: number;
  max: number;
  mean: number;
  median: number;
}

/** Middle value; the mean of the two middle values for an even count. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const upper = sorted[mid] as number;
  return sorted.length % 2 === 1 ? upper : ((sorted[mid - 1] as number) + upper) / 2;
}

export function numberStats(values: readonly number[]): NumberStats | null {
  const med = median(values);
  if (med === null) return null;
  let min = Infinity;
  let max = -Infinity;
  let sum = 0;
  for (const v of values) {
    if (v < min) min = v;
    if (v > max) max = v;
    sum += v;
  }
  return { count: values.length, min, max, mean: sum / values.length, median: med };
}

export interface Bin {
  from: number;
  to: number;
  count: number;
}

export interface Histogram {
  /**
   * Integer bins cover the whole numbers from..to inclusive ("10–19"). Otherwise a bin is
   * [from, to), and the last one also includes its upper edge.
   */
  integer: boolean;
  bins: Bin[];
}

/** Bins a live histogram aims for; fixed rather than Sturges so bars do not regroup as answers arrive. */
export const TARGET_BINS = 8;
/** More bars than this stop being readable on a projector. */
export const MAX_BINS = 12;

const INTEGER_MULTIPLIERS = [1, 2, 5, 10];
const REAL_MULTIPLIERS = [1, 2, 2.5, 5, 10];

/** Drops floating-point noise (0.30000000000000004) so edges compare and print cleanly. */
function tidy(x: number): number {
  return Number(x.toPrecision(12));
}

/** The "nice" step (1, 2, 2.5, 5 × 10^k) closest to `raw` on a log scale. */
export function niceStep(raw: number, integer: boolean): number {
  if (!(raw > 0) || !Number.isFinite(raw)) return 1;
  const base = 10 ** Math.floor(Math.log10(raw));
  let best = base;
  for (const m of integer ? INTEGER_MULTIPLIERS : REAL_MULTIPLIERS) {
    const candidate = tidy(m * base);
    if (Math.abs(Math.log(candidate / raw)) < Math.abs(Math.log(best / raw))) best = candidate;
  }
  return integer ? Math.max(1, Math.round(best)) : best;
}

/** The next coarser nice step, for when the nearest one would still give too many bins. */
function nextNiceStep(step: number, integer: boolean): number {
  const next = niceStep(step * 2.2, integer);
  return next > step ? next : step * 2;
}

/**
 * Histogram bins for live number answers. Whole-number answers get whole-number bins (one per
 * value when the range is small). A question's min/max anchor the first/last edge, so a 0–100
 * question shows 0–9 … 90–100 rather than bins that start at the lowest answer.
 */
export function binNumbers(
  values: readonly number[],
  bounds: { min?: number | undefined; max?: number | undefined } = {},
): Histogram {
  if (values.length === 0) return { integer: true, bins: [] };
  let dataMin = Infinity;
  let dataMax = -Infinity;
  for (const v of values) {
    if (v < dataMin) dataMin = v;
    if (v > dataMax) dataMax = v;
  }
  // An answer outside the bounds (the question was edited) widens the range rather than vanishing.
  const anchorLo = bounds.min !== undefined && bounds.min <= dataMin;
  const anchorHi = bounds.max !== undefined && bounds.max >= dataMax;
  const lo = anchorLo ? (bounds.min as number) : dataMin;
  const hi = anchorHi ? (bounds.max as number) : dataMax;
  const integer = Number.isInteger(lo) && Number.isInteger(hi) && values.every(Number.isInteger);

  // One bar when every answer is (practically) the same. This also keeps hostile input such as
  // ±1e308 (an infinite span) or 1e17 + 1 (steps below float precision) from looping or
  // producing zero-width bins: a student's answer must never hang the teacher's dashboard.
  const span = hi - lo;
  if (
    !Number.isFinite(span) ||
    span <= Math.max(1e-9, Math.max(Math.abs(lo), Math.abs(hi)) * 1e-9)
  ) {
    return { integer, bins: [{ from: lo, to: hi, count: values.length }] };
  }

  const bins = integer
    ? integerBins(lo, hi, anchorLo, anchorHi)
    : realBins(lo, hi, anchorLo, anchorHi);
  for (const v of values) bins[binIndex(bins, v, integer)]!.count += 1;
  return { integer, bins };
}

/** Whole-number bins "from–to" inclusive: one per value when few, else nice widths (5, 10, 20…). */
function integerBins(lo: number, hi: number, anchorLo: boolean, anchorHi: boolean): Bin[] {
  const span = hi - lo + 1;
  let step = span <= MAX_BINS ? 1 : niceStep(span / TARGET_BINS, true);
  const startFor = (s: number) => (anchorLo || s === 1 ? lo : Math.floor(lo / s) * s);
  // Aligning the start to a multiple of the step can add a bin; check the count after aligning.
  while (Math.ceil((hi - startFor(step) + 1) / step) > MAX_BINS) step = nextNiceStep(step, true);
  const bins: Bin[] = [];
  const start = startFor(step);
  // Bounded, whatever the arithmetic does.
  for (let i = 0; i <= MAX_BINS + 1 && start + i * step <= hi; i += 1) {
    const from = start + i * step;
    bins.push({ from, to: from + step - 1, count: 0 });
  }
  closeLastBin(bins, hi, anchorHi, step, 1);
  return bins;
}

/** Real-valued bins [from, to) of a nice width; the last one includes its upper edge. */
function realBins(lo: number, hi: number, anchorLo: boolean, anchorHi: boolean): Bin[] {
  let step = niceStep((hi - lo) / TARGET_BINS, false);
  // min/max: tidying must never move an edge inside the data (5e-324 would tidy to 0).
  const startFor = (s: number) => (anchorLo ? lo : Math.min(lo, tidy(Math.floor(lo / s) * s)));
  // Whole steps from the start, so an anchored start (3.7) keeps every bin the same width.
  const endFor = (s: number) =>
    anchorHi ? hi : Math.max(hi, tidy(startFor(s) + Math.ceil(tidy((hi - startFor(s)) / s)) * s));
  while (Math.ceil(tidy((endFor(step) - startFor(step)) / step)) > MAX_BINS) {
    step = nextNiceStep(step, false);
  }
  const start = startFor(step);
  const end = endFor(step);
  const bins: Bin[] = [];
  for (let i = 0; i <= MAX_BINS + 1; i += 1) {
    const from = i === 0 ? start : tidy(start + i * step);
    if (from >= end && i > 0) break;
    bins.push({ from, to: Math.min(tidy(from + step), end), count: 0 });
  }
  closeLastBin(bins, end, true, step, 0);
  return bins;
}

/**
 * Ends the last bin at the upper bound. A sliver (less than half a step) is merged into its
 * neighbour, so a 0–100 question ends with 90–100 rather than a lone "100" bar.
 */
function closeLastBin(bins: Bin[], hi: number, clip: boolean, step: number, unit: number): void {
  const last = bins[bins.length - 1];
  if (!last || !clip) return;
  const width = hi - last.from + unit;
  const previous = bins[bins.length - 2];
  if (previous && width < step / 2) {
    bins.pop();
    previous.to = hi;
  } else {
    last.to = hi;
  }
}

function binIndex(bins: readonly Bin[], v: number, integer: boolean): number {
  // Linear is fine: at most MAX_BINS bins. Integer bins end at `to` inclusive; real bins are
  // half-open except the last, which the fall-through covers.
  for (let i = 0; i < bins.length - 1; i += 1) {
    const bin = bins[i] as Bin;
    if (integer ? v <= bin.to : v < bin.to) return i;
  }
  return bins.length - 1;
}
