import { isOfferedLocale, LOCALE_COOKIE } from '../../i18n/locales.ts';
import { servedOverHttps } from './session-cookie.ts';

/** A year: the language a person chose stays chosen on this device. */
const LOCALE_COOKIE_SECONDS = 365 * 24 * 3600;

/**
 * The interface-language cookie the request config reads. Not HttpOnly: it holds no secret, and
 * the join page's picker sets the same cookie from the browser.
 */
export function localeCookieHeader(request: Request, locale: string): string {
  return `${LOCALE_COOKIE}=${locale}; Path=/; SameSite=Lax; Max-Age=${LOCALE_COOKIE_SECONDS}${servedOverHttps(request) ? '; Secure' : ''}`;
}

/** On sign-in: the account's own language becomes this device's, when the teacher chose one. */
export function appendAccountLocaleCookie(
  response: Response,
  request: Request,
  language: string | null,
): void {
  if (isOfferedLocale(language))
    response.headers.append('set-cookie', localeCookieHeader(request, language));
}
