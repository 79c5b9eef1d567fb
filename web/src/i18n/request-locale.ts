import Negotiator from 'negotiator';
import { cookies, headers } from 'next/headers';
import {
  isAppLocale,
  LOCALE_COOKIE,
  matchLocale,
  TIME_ZONE_COOKIE,
  type AppLocale,
} from './locales.ts';

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

/** The server's clock zone: the embedded app runs in the classroom's own zone. */
const SERVER_TIME_ZONE = Intl.DateTimeFormat().resolvedOptions().timeZone;

/** The reader's time zone as their browser reported it (a valid IANA name), else the server's. */
export async function requestTimeZone(): Promise<string> {
  const reported = (await cookies()).get(TIME_ZONE_COOKIE)?.value;
  if (!reported || reported.length > 64) return SERVER_TIME_ZONE;
  try {
    return new Intl.DateTimeFormat('en', { timeZone: reported }).resolvedOptions().timeZone;
  } catch {
    return SERVER_TIME_ZONE;
  }
}

/** What the browser last reported, to tell whether it needs reporting again. */
export async function reportedTimeZone(): Promise<string | undefined> {
  return (await cookies()).get(TIME_ZONE_COOKIE)?.value;
}
