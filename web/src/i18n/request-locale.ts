import Negotiator from 'negotiator';
import { cookies, headers } from 'next/headers';
import { isAppLocale, LOCALE_COOKIE, matchLocale, type AppLocale } from './locales.ts';

/**
 * The reader's interface language for this request: the one they chose on this device (the
 * cookie the join page's picker and the teacher's settings set), else the browser's preferences
 * (Accept-Language, in q order, parsed by `negotiator`), else English.
 */
export async function requestLocale(): Promise<AppLocale> {
  const chosen = (await cookies()).get(LOCALE_COOKIE)?.value;
  if (isAppLocale(chosen)) return chosen;
  const accept = (await headers()).get('accept-language') ?? '';
  return matchLocale(new Negotiator({ headers: { 'accept-language': accept } }).languages());
}
