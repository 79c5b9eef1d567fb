import type { useFormatter } from 'next-intl';

/**
 * Number and label formatting for the results views, in the viewer's locale through next-intl's
 * formatter: the server render and the browser use the same locale (the page's), so they agree.
 */

/** next-intl's formatter (`useFormatter()` in a view, `createFormatter({ locale })` in a test). */
export type Formatter = ReturnType<typeof useFormatter>;

// Past a quadrillion, digits stop meaning anything to a reader and would break the layout.
const HUGE = 1e15;
const TINY = 1e-6;

/** Decimals in the shortest form of x, also for "1.25e-7" (2 + 7). */
function decimalPlaces(x: number): number {
  const [mantissa = '', exponent = '0'] = String(x).split('e');
  const decimals = (mantissa.split('.')[1]?.length ?? 0) - Number(exponent);
  return Math.min(20, Math.max(0, decimals));
}

export interface ResultsFormat {
  /** 1,234.57 — small values keep their significant digits (0.0042, not 0); extremes go 1.2E20. */
  number: (n: number) => string;
  /** Averages of whole-number answers (a scale) read best with one decimal: "3.4". */
  mean: (n: number) => string;
  /** 40% — and "<1%" for a count that exists but rounds to nothing. */
  percent: (share: number) => string;
  /**
   * Label of a histogram bin. Whole-number bins read "10–19" (or "7" for one value); real bins
   * "1.5–2", with as many decimals as the edges need, so neighbouring labels never look equal.
   */
  binLabel: (bin: { from: number; to: number }, integer: boolean) => string;
  /** "Ada" or "Ada and Grace" or "Ada, Grace, and Alan", as the locale joins a list. */
  list: (items: readonly string[]) => string;
}

export function resultsFormat(format: Formatter): ResultsFormat {
  // "min2": 10,000 is grouped but a year such as 1969 is not.
  const twoDecimals = (n: number) =>
    format.number(n, { maximumFractionDigits: 2, useGrouping: 'min2' });
  const number = (n: number) => {
    if (Math.abs(n) >= HUGE || (n !== 0 && Math.abs(n) < TINY))
      return format.number(n, { notation: 'scientific', maximumSignificantDigits: 3 });
    return Math.abs(n) >= 1 || n === 0
      ? twoDecimals(n)
      : format.number(n, { maximumSignificantDigits: 3 });
  };
  const percentOf = (share: number) =>
    format.number(share, { style: 'percent', maximumFractionDigits: 0 });
  return {
    number,
    mean: (n) => format.number(n, { maximumFractionDigits: 1 }),
    percent: (share) => (share > 0 && share < 0.005 ? `<${percentOf(0.01)}` : percentOf(share)),
    binLabel: (bin, integer) => {
      const digits = Math.max(decimalPlaces(bin.from), decimalPlaces(bin.to));
      const extreme = Math.max(Math.abs(bin.from), Math.abs(bin.to)) >= HUGE || digits > 9;
      const edge =
        integer || extreme
          ? number
          : (n: number) => format.number(n, { maximumFractionDigits: digits, useGrouping: 'min2' });
      return bin.from === bin.to ? edge(bin.from) : `${edge(bin.from)}–${edge(bin.to)}`;
    },
    list: (items) =>
      items.length <= 1 ? (items[0] ?? '') : format.list(items, { type: 'conjunction' }),
  };
}
