'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useCallback } from 'react';

/**
 * The account routes' field messages (server/accounts/fields.ts) are English, for API clients
 * too. A form shows each in the reader's language: known messages by their words, a number in
 * them as `{count}`; anything else as a general "check this field". English reads them as sent.
 */
type AccountsT = ReturnType<typeof useTranslations<'accounts'>>;
type FieldKey = Parameters<AccountsT>[0] & `fieldErrors.${string}`;

const MESSAGES: Readonly<Record<string, FieldKey>> = {
  'Enter an email address like name@school.org.': 'fieldErrors.email',
  'An email address has at most 254 characters.': 'fieldErrors.emailLong',
  'Enter a name.': 'fieldErrors.name',
  'A name has at most 100 characters.': 'fieldErrors.nameLong',
  'Enter your password.': 'fieldErrors.password',
  'This link is incomplete: copy the whole link.': 'fieldErrors.token',
};

const COUNTED: ReadonlyArray<readonly [RegExp, FieldKey]> = [
  [/^A password has at least (\d+) characters\.$/, 'fieldErrors.passwordShort'],
  [/^A password has at most (\d+) characters\.$/, 'fieldErrors.passwordLong'],
];

export function useAccountIssueText(): (english: string | undefined) => string | undefined {
  const t = useTranslations('accounts');
  const english = useLocale() === 'en';
  return useCallback(
    (text) => {
      if (text === undefined || english) return text;
      const key = MESSAGES[text];
      if (key) return t(key, { count: 0 });
      for (const [pattern, counted] of COUNTED) {
        const match = pattern.exec(text);
        if (match) return t(counted, { count: Number(match[1]) });
      }
      return t('fieldErrors.unknown');
    },
    [english, t],
  );
}
