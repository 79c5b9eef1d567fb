'use client';
import { useTranslations } from 'next-intl';
import { useCallback } from 'react';

/** An error from our servers as a page holds it: the code is what matters, never the text. */
export type CodedError = { code?: string | undefined } | string | null | undefined;

/**
 * Server error codes → the reader's language (the `errors` namespace). Servers' own messages are
 * English for logs and API clients; a page never shows them. Unknown codes get a general message.
 */
export function useErrorText(): (error: CodedError) => string {
  const t = useTranslations('errors');
  return useCallback(
    (error) => {
      const code = typeof error === 'string' ? error : error?.code;
      const key = code as Parameters<typeof t>[0] | undefined;
      return key && t.has(key) ? t(key) : t('unknown');
    },
    [t],
  );
}
