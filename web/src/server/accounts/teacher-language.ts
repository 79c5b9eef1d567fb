import { DEFAULT_LOCALE, isOfferedLocale, type OfferedLocale } from '../../i18n/locales.ts';
import { requestLocale } from '../../i18n/request-locale.ts';

/**
 * The language the teacher reads this page in (their account's choice, which sign-in puts in the
 * language cookie, else the browser's): a new or imported deck's content language until they pick
 * another. The pseudo-locale is a test's, never a deck's.
 */
export async function teacherInterfaceLanguage(): Promise<OfferedLocale> {
  const locale = await requestLocale();
  return isOfferedLocale(locale) ? locale : DEFAULT_LOCALE;
}
