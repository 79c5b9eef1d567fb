import { readFileSync } from 'node:fs';
import { createElement, type ReactNode } from 'react';
import {
  createFormatter,
  createTranslator,
  NextIntlClientProvider,
  type AbstractIntlMessages,
  type Messages,
} from 'next-intl';
import { resultsFormat } from '../../src/components/results/format.ts';
import type { ResultsText } from '../../src/components/results/results-text.ts';
import { NAMESPACES, type Namespace } from '../../src/i18n/namespaces.ts';
import type { AppLocale } from '../../src/i18n/locales.ts';

/*
 * Components and text helpers that take their words from the catalogs, rendered or called under
 * plain Node: the real catalogs of one locale (raw ICU messages: Node has the full formatter),
 * through next-intl's own provider, translator and formatter.
 */

const cache = new Map<AppLocale, Record<string, unknown>>();

/** Every namespace's messages in one locale, read from web/messages/. */
export function messagesOf(locale: AppLocale): Record<string, unknown> {
  let messages = cache.get(locale);
  if (!messages) {
    messages = Object.fromEntries(
      NAMESPACES.map((ns) => [
        ns,
        JSON.parse(
          readFileSync(new URL(`../../messages/${ns}/${locale}.json`, import.meta.url), 'utf8'),
        ) as unknown,
      ]),
    );
    cache.set(locale, messages);
  }
  return messages;
}

/** `element` inside next-intl's provider, as the app's layouts give it (UTC, for stable times). */
export function withIntl(element: ReactNode, locale: AppLocale = 'en'): ReactNode {
  return createElement(NextIntlClientProvider, {
    locale,
    messages: messagesOf(locale),
    timeZone: 'UTC',
    children: element,
  });
}

/** The results views' words and formatting (`useResultsText()`), for the pure summary helpers. */
export function resultsTextOf(locale: AppLocale = 'en'): ResultsText {
  const t = createTranslator({
    locale,
    messages: messagesOf(locale) as unknown as Messages,
    namespace: 'kinds.results',
  });
  return { t, f: resultsFormat(createFormatter({ locale, timeZone: 'UTC' })) };
}

/** One locale's catalogs by namespace (the answer form's tests read messages from it). */
export function catalogs(locale: AppLocale = 'en'): Record<Namespace, AbstractIntlMessages> {
  return messagesOf(locale) as Record<Namespace, AbstractIntlMessages>;
}

/** A translator outside React, for helpers that take one (the catalog's words, in one language). */
export function translator(locale: AppLocale = 'en') {
  return createTranslator({ locale, messages: messagesOf(locale) as unknown as Messages });
}
