import type { ReactNode } from 'react';
import { LocaleProvider } from '../../i18n/LocaleProvider.tsx';
import { TEACHER_NAMESPACES } from '../../i18n/namespaces.ts';

/** Teacher pages: everything but the student's own screens, in the teacher's language. */
export default function TeacherLayout({ children }: { children: ReactNode }) {
  return <LocaleProvider namespaces={TEACHER_NAMESPACES}>{children}</LocaleProvider>;
}
