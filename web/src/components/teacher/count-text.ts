import type { useFormatter } from 'next-intl';

/**
 * A count as the live screens write it, in the reader's locale: grouped only from five digits
 * ("2000", "10,000"), as the English pages always did, so a year-like 2000 reads as a count.
 * ICU would group a bare number argument ("2,000"): counts go into messages as this text.
 */
export function countText(format: ReturnType<typeof useFormatter>, n: number): string {
  return format.number(n, { useGrouping: 'min2' });
}
