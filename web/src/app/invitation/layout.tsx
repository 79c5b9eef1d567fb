import type { ReactNode } from 'react';
import { LocaleProvider } from '../../i18n/LocaleProvider.tsx';
import { ACCOUNT_NAMESPACES } from '../../i18n/namespaces.ts';

/** A one-time link's page: the account form's messages, in the reader's language. */
export default function AccountLinkLayout({ children }: { children: ReactNode }) {
  return <LocaleProvider namespaces={ACCOUNT_NAMESPACES}>{children}</LocaleProvider>;
}
