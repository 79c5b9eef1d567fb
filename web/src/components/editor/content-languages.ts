import { directionOf } from '../../i18n/locales.ts';

/**
 * Languages a deck's content is often written in, in US classrooms and beyond, each by its own
 * name (autonym): the teacher finds the deck's language without reading English. A deck may hold
 * any BCP 47 tag (an imported or older one); the picker then lists that tag as well.
 */
export const CONTENT_LANGUAGES: ReadonlyArray<{ tag: string; name: string }> = [
  { tag: 'en', name: 'English' },
  { tag: 'es', name: 'Español' },
  { tag: 'ar', name: 'العربية' },
  { tag: 'fr', name: 'Français' },
  { tag: 'pt', name: 'Português' },
  { tag: 'zh', name: '中文' },
  { tag: 'vi', name: 'Tiếng Việt' },
  { tag: 'ht', name: 'Kreyòl ayisyen' },
  { tag: 'so', name: 'Soomaali' },
  { tag: 'ru', name: 'Русский' },
  { tag: 'ko', name: '한국어' },
  { tag: 'tl', name: 'Tagalog' },
  { tag: 'uk', name: 'Українська' },
  { tag: 'fa', name: 'فارسی' },
  { tag: 'ps', name: 'پښتو' },
  { tag: 'ur', name: 'اردو' },
  { tag: 'hi', name: 'हिन्दी' },
  { tag: 'bn', name: 'বাংলা' },
  { tag: 'ne', name: 'नेपाली' },
  { tag: 'hmn', name: 'Hmoob' },
  { tag: 'ja', name: '日本語' },
  { tag: 'sw', name: 'Kiswahili' },
  { tag: 'am', name: 'አማርኛ' },
  { tag: 'de', name: 'Deutsch' },
  { tag: 'it', name: 'Italiano' },
  { tag: 'pl', name: 'Polski' },
];

/** `lang` and `dir` for content in `tag` (the deck's language). */
export function contentAttributes(tag: string): { lang: string; dir: 'ltr' | 'rtl' } {
  return { lang: tag, dir: directionOf(tag) };
}
