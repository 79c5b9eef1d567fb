/**
 * The interface languages and how one is chosen. Client-safe: the join page's picker and the
 * server's request config both use it.
 */

/** Interface languages offered to people, in the order pickers list them. */
export const LOCALES = ['en', 'es', 'ar'] as const;
export type OfferedLocale = (typeof LOCALES)[number];

/**
 * The pseudo-locale: every catalog string accented and 40% longer, so a test can tell text that
 * came from a catalog from text that did not, and see layouts that break with longer languages.
 * Selectable by cookie, never offered in a picker.
 */
export const PSEUDO_LOCALE = 'en-XA';
export type AppLocale = OfferedLocale | typeof PSEUDO_LOCALE;

export const DEFAULT_LOCALE: OfferedLocale = 'en';

/** Remembers the chosen interface language on this device (the join page's picker sets it). */
export const LOCALE_COOKIE = 'classpulse-locale';

/** Each language's own name: a reader finds their language without reading the current one. */
export const LOCALE_NAMES: Record<OfferedLocale, string> = {
  en: 'English',
  es: 'Español',
  ar: 'العربية',
};

const ALL: readonly string[] = [...LOCALES, PSEUDO_LOCALE];

export function isAppLocale(value: unknown): value is AppLocale {
  return typeof value === 'string' && ALL.includes(value);
}

export function isOfferedLocale(value: unknown): value is OfferedLocale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** Right-to-left scripts among our languages (and the language tags of deck content). */
const RTL_LANGUAGES = new Set(['ar', 'he', 'fa', 'ur', 'ps', 'yi', 'dv', 'ckb', 'sd', 'ug']);

/** `dir` for any BCP 47 tag: the interface locale or a deck's content language. */
export function directionOf(languageTag: string): 'ltr' | 'rtl' {
  const primary = languageTag.split('-')[0]?.toLowerCase() ?? '';
  return RTL_LANGUAGES.has(primary) ? 'rtl' : 'ltr';
}

/**
 * The first of the reader's preferred languages (most preferred first: `navigator.languages`, or
 * Accept-Language in q order) that we offer, by primary subtag ("es-MX" → es); English otherwise.
 */
export function matchLocale(preferences: readonly string[]): OfferedLocale {
  for (const tag of preferences) {
    const primary = tag.trim().split('-')[0]?.toLowerCase();
    if (isOfferedLocale(primary)) return primary;
  }
  return DEFAULT_LOCALE;
}

/** The browser's IANA time zone, so server-rendered times show in the reader's zone. */
export const TIME_ZONE_COOKIE = 'classpulse-tz';
