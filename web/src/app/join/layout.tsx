import type { ReactNode } from 'react';
import { LocaleProvider } from '../../i18n/LocaleProvider.tsx';
import { STUDENT_NAMESPACES } from '../../i18n/namespaces.ts';

/** Student pages carry only the student's namespaces, in the student's language. */
export default function JoinLayout({ children }: { children: ReactNode }) {
  return <LocaleProvider namespaces={STUDENT_NAMESPACES}>{children}</LocaleProvider>;
}
