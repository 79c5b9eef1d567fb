/**
 * Numbers as students type them: "3,5" in Spanish, "3.5" anywhere, "1.000,5" or "1 000,5" with
 * grouping, Arabic-Indic digits "٣٫٥" — all one JavaScript number (3.5), the answer's one
 * canonical value. Null when the text is not a number.
 */

/** Arabic-Indic (U+0660…) and Extended Arabic-Indic (U+06F0…, Persian/Urdu keyboards) digits. */
const NON_ASCII_DIGITS = /[\u0660-\u0669\u06F0-\u06F9]/g;
/** Marks that bidi text inserts around numbers (LRM, RLM, ALM, isolates) and spaces used as groups. */
const INVISIBLE = /[\u200E\u200F\u061C\u2066-\u2069\s\u00A0\u202F\u2009']/g;

function asciiDigits(text: string): string {
  return text.replace(NON_ASCII_DIGITS, (d) => {
    const code = d.charCodeAt(0);
    return String(code >= 0x06f0 ? code - 0x06f0 : code - 0x0660);
  });
}

/** The locale's decimal separator ("," in es, "." in en). */
export function decimalSeparator(locale: string): string {
  const part = new Intl.NumberFormat(locale, { numberingSystem: 'latn' })
    .formatToParts(1.5)
    .find((p) => p.type === 'decimal');
  return part?.value ?? '.';
}

export function parseLocaleNumber(input: string, locale: string): number | null {
  let text = asciiDigits(input.trim())
    .replace(/\u066B/g, '.') // Arabic decimal separator
    .replace(/\u066C/g, '') // Arabic thousands separator
    .replace(/[\u2212\u2012\u2013\uFE63\uFF0D]/g, '-') // minus signs
    .replace(INVISIBLE, '');
  const sign = /^[-+]/.exec(text)?.[0] ?? '';
  text = text.slice(sign.length);
  // A minus after the number ("5-") is how some right-to-left input looks: accept it.
  if (sign === '' && text.endsWith('-'))
    return negate(parseLocaleNumber(text.slice(0, -1), locale));
  if (!/^[\d.,]+$/.test(text) || !/\d/.test(text)) return null;

  const dots = text.split('.').length - 1;
  const commas = text.split(',').length - 1;
  let decimal: string | null = null;
  if (dots > 0 && commas > 0) {
    // Both: the last one is the decimal separator, the other groups ("1.000,5", "1,000.5").
    decimal = text.lastIndexOf('.') > text.lastIndexOf(',') ? '.' : ',';
    if ((decimal === '.' ? dots : commas) > 1) return null;
  } else if (dots + commas === 1) {
    const mark = dots ? '.' : ',';
    // One mark: the locale's decimal separator is one; the other is a group separator only when
    // it is followed by exactly three digits ("1,000" in English), else a decimal ("3,5").
    decimal = mark === decimalSeparator(locale) || !/^\d+[.,]\d{3}$/.test(text) ? mark : null;
  } else if (dots + commas > 1) {
    decimal = null; // several of one mark: groups ("1.000.000")
  }
  const [whole = '', fraction] = decimal === null ? [text] : text.split(decimal);
  const groups = decimal === ',' ? '.' : decimal === '.' ? ',' : /[.,]/;
  const digits = whole.split(groups);
  // Groups after the first have three digits; the first may be empty only before a decimal (".5").
  if (digits.length > 1 && (digits[0] === '' || digits.slice(1).some((g) => g.length !== 3)))
    return null;
  const integer = digits.join('');
  if (/[.,]/.test(integer) || (fraction !== undefined && !/^\d*$/.test(fraction))) return null;
  if (integer === '' && !fraction) return null;
  const value = Number(`${sign}${integer || '0'}${fraction ? `.${fraction}` : ''}`);
  return Number.isFinite(value) ? value : null;
}

function negate(value: number | null): number | null {
  return value === null ? null : -value;
}
