import { IntlErrorCode } from 'next-intl';
import { getRequestConfig } from 'next-intl/server';
import { loadMessages } from './load-messages.ts';
import { isAppLocale } from './locales.ts';
import { requestLocale, requestTimeZone } from './request-locale.ts';

/**
 * next-intl's per-request configuration. A page may ask for another locale explicitly (the
 * projector follows its deck's language); otherwise the reader's own.
 */
export default getRequestConfig(async ({ locale: asked }) => {
  const locale = isAppLocale(asked) ? asked : await requestLocale();
  return {
    locale,
    messages: await loadMessages(locale),
    timeZone: await requestTimeZone(),
    // A missing message shows its key (the pseudo-locale test then flags it), never a crash.
    getMessageFallback: ({ namespace, key }) => [namespace, key].filter(Boolean).join('.'),
    onError: (error) => {
      if (error.code !== IntlErrorCode.MISSING_MESSAGE) console.error(error);
    },
  };
});
