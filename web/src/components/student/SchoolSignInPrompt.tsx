'use client';

import { useTranslations } from 'next-intl';
import { ErrorAlert } from '../ErrorAlert.tsx';
import { joinCodeTag } from './join-code-tag.tsx';

/** How a session whose students sign in is joined: the school's sign-in, not a typed name. */
export interface SchoolSignIn {
  /** Starts the school sign-in for this session's code. */
  href: string;
  providerName: string;
  /** Why the last sign-in did not get the student in (in the student's language), if it did not. */
  error: string | null;
}

/**
 * A plain link, so it works before the page is interactive and without JavaScript; the name
 * comes from the school account, so there is nothing to type.
 */
export function SchoolSignInPrompt({ code, signIn }: { code: string; signIn: SchoolSignIn }) {
  const t = useTranslations('student.signIn');
  return (
    <div className="card">
      <ErrorAlert message={signIn.error} />
      <p>
        {t.rich('explain', {
          code,
          b: joinCodeTag,
        })}
      </p>
      <a className="button" href={signIn.href}>
        {t('button', { provider: signIn.providerName })}
      </a>
    </div>
  );
}
