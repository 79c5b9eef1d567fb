import type { AbstractIntlMessages } from 'next-intl';
import { NAMESPACES, type Namespace } from './namespaces.ts';
import type { AppLocale } from './locales.ts';

/**
 * One locale's catalogs, every namespace. The import is a template over `web/messages/`, so the
 * bundler includes each catalog file as its own chunk and next-intl's loader precompiles its ICU
 * messages at build time (no message parser ships to browsers).
 */
export async function loadMessages(
  locale: AppLocale,
): Promise<Record<Namespace, AbstractIntlMessages>> {
  const entries = await Promise.all(
    NAMESPACES.map(
      async (ns) =>
        [
          ns,
          (
            (await import(`../../messages/${ns}/${locale}.json`)) as {
              default: AbstractIntlMessages;
            }
          ).default,
        ] as const,
    ),
  );
  return Object.fromEntries(entries) as Record<Namespace, AbstractIntlMessages>;
}
