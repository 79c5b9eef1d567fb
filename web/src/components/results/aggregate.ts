import type {
  Answer,
  AnswerFor,
  MultipleChoiceQuestion,
  Question,
} from '@classpulse/realtime/protocol';

/**
 * Pure aggregation behind the results views: counting, binning, word grouping and statistics.
 * No React here, so every rule is unit-tested on its own and the views only draw.
 */

/** One student's answer as the results views receive it (teacher dashboard, projector, student reveal). */
export interface ResultEntry {
  answer: Answer;
  name?: string;
  /** Moderated by the teacher: never counted, only listed (dimmed) while moderating. */
  hidden?: boolean;
  studentId?: string;
}

export type QuestionOf<K extends Question['kind']> = Extract<Question, { kind: K }>;

/**
 * The answers that count: hidden entries are moderated away, and an answer of another kind (the
 * teacher changed the question mid-session) cannot be drawn against this question.
 */
export function visibleAnswers<K extends Answer['kind']>(
  entries: readonly ResultEntry[],
  kind: K,
): AnswerFor<K>[] {
  const out: AnswerFor<K>[] = [];
  for (const entry of entries) {
    if (!entry.hidden && entry.answer.kind === kind) out.push(entry.answer as AnswerFor<K>);
  }
  return out;
}

export interface ListedEntry<K extends Answer['kind']> {
  answer: AnswerFor<K>;
  name?: string;
  hidden: boolean;
  studentId?: string;
  /** Position in the given entries; a stable fallback key and "answer 3" when there is no name. */
  index: number;
}

/**
 * Entries for list views (short text, drawings). Hidden ones stay in only while the teacher
 * moderates, so they can be shown again; everyone else never sees them.
 */
export function listedEntries<K extends Answer['kind']>(
  entries: readonly ResultEntry[],
  kind: K,
  includeHidden: boolean,
): ListedEntry<K>[] {
  const out: ListedEntry<K>[] = [];
  entries.forEach((entry, index) => {
    if (entry.answer.kind !== kind) return;
    const hidden = entry.hidden === true;
    if (hidden && !includeHidden) return;
    out.push({
      answer: entry.answer as AnswerFor<K>,
      hidden,
      index,
      name: entry.name,
      studentId: entry.studentId,
    });
  });
  return out;
}

// ── multiple choice ────────────────────────────────────────────────────────────────────────────

export interface ChoiceCount {
  id: string;
  label: string;
  count: number;
  /** count / respondents; with multiple selection the shares add up to more than 1. */
  share: number;
  correct: boolean;
}

export interface ChoiceTally {
  respondents: number;
  options: ChoiceCount[];
}

/** Counts per option in the question's order, zeros included, so the chart never reshuffles. */
export function tallyChoices(
  question: MultipleChoiceQuestion,
  entries: readonly ResultEntry[],
): ChoiceTally {
  const answers = visibleAnswers(entries, 'multiple-choice');
  const counts = new Map<string, number>(question.options.map((o) => [o.id, 0]));
  for (const answer of answers) {
    // A Set: an option listed twice in one answer is still one vote.
    for (const id of new Set(answer.optionIds)) {
      const count = counts.get(id);
      if (count !== undefined) counts.set(id, count + 1);
    }
  }
  const correct = new Set(question.correctOptionIds ?? []);
  const respondents = answers.length;
  return {
    respondents,
    options: question.options.map((o) => {
      const count = counts.get(o.id) ?? 0;
      return {
        id: o.id,
        label: o.label,
        count,
        share: respondents === 0 ? 0 : count / respondents,
        correct: correct.has(o.id),
      };
    }),
  };
}

// ── scale ──────────────────────────────────────────────────────────────────────────────────────

export interface ScaleTally {
  respondents: number;
  /** One entry per step 1..steps, zeros included. */
  counts: Array<{ value: number; count: number; share: number }>;
  mean: number | null;
}

export function tallyScale(
  question: QuestionOf<'scale'>,
  entries: readonly ResultEntry[],
): ScaleTally {
  const counts = Array.from({ length: question.steps }, () => 0);
  let sum = 0;
  let respondents = 0;
  for (const answer of visibleAnswers(entries, 'scale')) {
    // Values past the last step belong to an older version of the question.
    if (answer.value < 1 || answer.value > question.steps) continue;
    counts[answer.value - 1] = (counts[answer.value - 1] ?? 0) + 1;
    sum += answer.value;
    respondents += 1;
  }
  return {
    respondents,
    counts: counts.map((count, i) => ({
      value: i + 1,
      count,
      share: respondents === 0 ? 0 : count / respondents,
    })),
    mean: respondents === 0 ? null : sum / respondents,
  };
}

// ── numbers ────────────────────────────────────────────────────────────────────────────────────

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

// ── word cloud ─────────────────────────────────────────────────────────────────────────────────

export interface WordCount {
  /** Grouping key: case-folded, without sentence punctuation. */
  key: string;
  /** The spelling students typed most often (first seen wins a tie). */
  word: string;
  count: number;
}

// Sentence punctuation only: symbols such as "C#" or "C++" are words in their own right.
const EDGE_PUNCTUATION = /^[.,;:!?"'“”‘’«»()[\]{}…]+|[.,;:!?"'“”‘’«»()[\]{}…]+$/gu;

function cleanWord(raw: string): string {
  const trimmed = raw.trim();
  return trimmed.replace(EDGE_PUNCTUATION, '') || trimmed;
}

export function wordKey(raw: string): string {
  // toLowerCase, not toLocaleLowerCase: server and browser must group identically.
  return cleanWord(raw).normalize('NFKC').toLowerCase();
}

/**
 * Groups words case-insensitively, most frequent first (ties alphabetical, so the order is
 * stable). A word repeated within one answer counts once, so no student can inflate it.
 */
export function groupWords(entries: readonly ResultEntry[]): WordCount[] {
  const groups = new Map<string, { count: number; spellings: Map<string, number> }>();
  for (const answer of visibleAnswers(entries, 'word-cloud')) {
    const seen = new Set<string>();
    for (const raw of answer.words) {
      const key = wordKey(raw);
      if (key === '' || seen.has(key)) continue;
      seen.add(key);
      const spelling = cleanWord(raw).normalize('NFKC');
      const group = groups.get(key) ?? { count: 0, spellings: new Map<string, number>() };
      group.count += 1;
      group.spellings.set(spelling, (group.spellings.get(spelling) ?? 0) + 1);
      groups.set(key, group);
    }
  }
  const words: WordCount[] = [];
  for (const [key, group] of groups) {
    let word = key;
    let best = 0;
    // Map iteration is insertion order, so on a tie the first spelling seen stays.
    for (const [spelling, n] of group.spellings) {
      if (n > best) {
        word = spelling;
        best = n;
      }
    }
    words.push({ key, word, count: group.count });
  }
  return words.sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

// ── pins ───────────────────────────────────────────────────────────────────────────────────────

export interface Pin {
  x: number;
  y: number;
}

export function visiblePins(entries: readonly ResultEntry[]): Pin[] {
  return visibleAnswers(entries, 'pin-on-image').map(({ x, y }) => ({ x, y }));
}

export interface PinDot extends Pin {
  /** How many pins this dot stands for. */
  weight: number;
}

/**
 * Dots to draw. Up to `max` pins each get their own dot; beyond that (a lecture hall, a load
 * test) pins are merged per cell of a grid x grid raster, so the SVG stays a few thousand
 * elements, and the view darkens a dot by its weight exactly as stacked dots would.
 */
export function pinDots(pins: readonly Pin[], max = 400, grid = 48): PinDot[] {
  if (pins.length <= max) return pins.map((p) => ({ ...p, weight: 1 }));
  const cells = new Map<number, PinDot>();
  for (const pin of pins) {
    const col = Math.min(grid - 1, Math.floor(pin.x * grid));
    const row = Math.min(grid - 1, Math.floor(pin.y * grid));
    const cell = cells.get(row * grid + col);
    if (cell) cell.weight += 1;
    else cells.set(row * grid + col, { x: (col + 0.5) / grid, y: (row + 0.5) / grid, weight: 1 });
  }
  return [...cells.values()];
}

/**
 * Pins per ninth of the image, rows top to bottom and columns left to right: the text
 * alternative of a heat map ("most pins in the top left").
 */
export function pinRegions(pins: readonly Pin[]): number[][] {
  const grid = [
    [0, 0, 0],
    [0, 0, 0],
    [0, 0, 0],
  ];
  const third = (v: number) => Math.min(2, Math.max(0, Math.floor(v * 3)));
  for (const pin of pins) grid[third(pin.y)]![third(pin.x)]! += 1;
  return grid;
}
