import { directionOf } from '../../i18n/locales.ts';

/**
 * `lang` and `dir` for a deck's own words on a teacher's page: the deck's content language where
 * it has one (screen readers pronounce it right; Arabic runs right to left inside an English
 * page), else `dir="auto"`, so an English title ends with its "?" on an Arabic page.
 */
export function contentLanguageProps(language: string | undefined): {
  lang?: string;
  dir: 'ltr' | 'rtl' | 'auto';
} {
  return language ? { lang: language, dir: directionOf(language) } : { dir: 'auto' };
}
