import { readFileSync } from 'node:fs';
import { createTranslator, NextIntlClientProvider, type AbstractIntlMessages } from 'next-intl';
import { createElement, type ReactNode } from 'react';
import type { AppLocale } from '../../src/i18n/locales.ts';
import { NAMESPACES, type Namespace } from '../../src/i18n/namespaces.ts';

/** One locale's catalogs, read from web/messages as the app's loader reads them. */
export function catalogs(locale: AppLocale = 'en'): Record<Namespace, AbstractIntlMessages> {
  return Object.fromEntries(
    NAMESPACES.map((ns) => [
      ns,
      JSON.parse(
        readFileSync(new URL(`../../messages/${ns}/${locale}.json`, import.meta.url), 'utf8'),
      ) as AbstractIntlMessages,
    ]),
  ) as Record<Namespace, AbstractIntlMessages>;
}

/** A client component tree as a page gives it: inside next-intl's provider, in one language. */
export function withIntl(children: ReactNode, locale: AppLocale = 'en'): ReactNode {
  return createElement(NextIntlClientProvider, {
    locale,
    messages: catalogs(locale),
    timeZone: 'UTC',
    children,
  });
}

/** A translator outside React, for helpers that take one (the catalog's words, in one language). */
export function translator(locale: AppLocale = 'en') {
  return createTranslator({ locale, messages: catalogs(locale) });
}
