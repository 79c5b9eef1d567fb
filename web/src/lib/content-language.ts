import { directionOf } from '../i18n/locales.ts';

/**
 * `lang` and `dir` for the deck's own text (titles, bodies, prompts, options) when the teacher set
 * the deck's language, so screen readers pronounce it right and a right-to-left deck reads right
 * to left even on an English page. Nothing when the deck has no language: it follows the page.
 */
export function contentLanguage(language: string | undefined): {
  lang?: string;
  dir?: 'ltr' | 'rtl';
} {
  return language ? { lang: language, dir: directionOf(language) } : {};
}
