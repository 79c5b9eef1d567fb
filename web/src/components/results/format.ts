/**
 * Number and label formatting for the results views. A fixed locale, so the server render and
 * the browser agree (no hydration mismatch) whatever the machine's locale is.
 */

const LOCALE = 'en-US';
// "min2": 10,000 is grouped but a year such as 1969 is not.
const twoDecimals = new Intl.NumberFormat(LOCALE, {
  maximumFractionDigits: 2,
  useGrouping: 'min2',
});
const threeSignificant = new Intl.NumberFormat(LOCALE, { maximumSignificantDigits: 3 });
const oneDecimal = new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 1 });
// Past a quadrillion, digits stop meaning anything to a reader and would break the layout.
const scientific = new Intl.NumberFormat(LOCALE, {
  notation: 'scientific',
  maximumSignificantDigits: 3,
});
const HUGE = 1e15;
const TINY = 1e-6;

/** 1,234.57 — small values keep their significant digits (0.0042, not 0); extremes go 1.2E20. */
export function formatNumber(n: number): string {
  if (Math.abs(n) >= HUGE || (n !== 0 && Math.abs(n) < TINY)) return scientific.format(n);
  return Math.abs(n) >= 1 || n === 0 ? twoDecimals.format(n) : threeSignificant.format(n);
}

/** Averages of whole-number answers (a scale) read best with one decimal: "3.4". */
export function formatMean(n: number): string {
  return oneDecimal.format(n);
}

/** 40% — and "<1%" for a count that exists but rounds to nothing. */
export function formatPercent(share: number): string {
  if (share > 0 && share < 0.005) return '<1%';
  return `${Math.round(share * 100)}%`;
}

export function formatCount(n: number, one: string, many = `${one}s`): string {
  return `${twoDecimals.format(n)} ${n === 1 ? one : many}`;
}

/** Decimals in the shortest form of x, also for "1.25e-7" (2 + 7). */
function decimalPlaces(x: number): number {
  const [mantissa = '', exponent = '0'] = String(x).split('e');
  const decimals = (mantissa.split('.')[1]?.length ?? 0) - Number(exponent);
  return Math.min(20, Math.max(0, decimals));
}

/**
 * Label of a histogram bin. Whole-number bins read "10–19" (or "7" for one value); real bins
 * "1.5–2", with as many decimals as the edges need, so neighbouring labels never look equal.
 */
export function formatBinLabel(bin: { from: number; to: number }, integer: boolean): string {
  const digits = Math.max(decimalPlaces(bin.from), decimalPlaces(bin.to));
  const extreme = Math.max(Math.abs(bin.from), Math.abs(bin.to)) >= HUGE || digits > 9;
  if (integer || extreme) {
    return bin.from === bin.to
      ? formatNumber(bin.from)
      : `${formatNumber(bin.from)}–${formatNumber(bin.to)}`;
  }
  const format = new Intl.NumberFormat(LOCALE, {
    maximumFractionDigits: digits,
    useGrouping: 'min2',
  });
  return bin.from === bin.to
    ? format.format(bin.from)
    : `${format.format(bin.from)}–${format.format(bin.to)}`;
}

/** "Ada" or "Ada and Grace" or "Ada, Grace and Alan": for summaries read aloud. */
export function formatList(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
