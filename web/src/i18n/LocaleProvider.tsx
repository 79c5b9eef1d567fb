import { NextIntlClientProvider } from 'next-intl';
import { getLocale, getMessages, getTimeZone } from 'next-intl/server';
import type { ReactNode } from 'react';
import { directionOf, type AppLocale } from './locales.ts';
import type { Namespace } from './namespaces.ts';
import { RememberTimeZone } from './RememberTimeZone.tsx';
import { reportedTimeZone } from './request-locale.ts';

/**
 * Gives a subtree's client components their messages: only the namespaces listed, in one language
 * (the reader's, or `locale` where a page follows something else, as the projector follows its
 * deck). With `locale` set the subtree also gets its own `lang` and `dir`.
 */
export async function LocaleProvider({
  namespaces,
  locale: asked,
  children,
}: {
  namespaces: readonly Namespace[];
  locale?: AppLocale;
  children: ReactNode;
}) {
  const locale = asked ?? (await getLocale());
  const all = await getMessages({ locale });
  const messages = Object.fromEntries(namespaces.map((ns) => [ns, all[ns] ?? {}]));
  const provider = (
    <NextIntlClientProvider locale={locale} messages={messages} timeZone={await getTimeZone()}>
      <RememberTimeZone known={await reportedTimeZone()} />
      {children}
    </NextIntlClientProvider>
  );
  return asked ? (
    <div lang={locale} dir={directionOf(locale)} className="locale-root">
      {provider}
    </div>
  ) : (
    provider
  );
}
