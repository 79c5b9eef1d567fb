import type { ReactNode } from 'react';
import { LocaleProvider } from '../../i18n/LocaleProvider.tsx';
import { NETWORK_NAMESPACES } from '../../i18n/namespaces.ts';

/** The network check school IT runs, in the reader's language. */
export default function NetworkCheckLayout({ children }: { children: ReactNode }) {
  return <LocaleProvider namespaces={NETWORK_NAMESPACES}>{children}</LocaleProvider>;
}
