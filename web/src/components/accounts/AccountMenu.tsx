'use client';

import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { LanguageSelect } from './LanguageSelect.tsx';
import styles from './accounts.module.css';

export interface SignedInAccount {
  name: string;
  email: string;
  role: 'teacher' | 'admin';
}

/**
 * Who is signed in, their interface language, the admin page for admins, and both ways to sign
 * out (plain form posts).
 */
export function AccountMenu({ account }: { account: SignedInAccount }) {
  const t = useTranslations('accounts');
  return (
    <nav className={styles.menu} aria-label={t('menu.label')}>
      <p className={styles.who}>
        {t.rich('menu.signedInAs', {
          name: account.name,
          email: account.email,
          // The teacher's own name: data, never translated.
          b: (chunks) => <strong translate="no">{chunks}</strong>,
          data: (chunks) => <span translate="no">{chunks}</span>,
        })}
      </p>
      <LanguageSelect />
      {account.role === 'admin' ? (
        <Link className="button button-secondary" href="/teacher/admin">
          {t('menu.accounts')}
        </Link>
      ) : null}
      <form method="post" action="/api/auth/logout">
        <button type="submit" className="button button-secondary">
          {t('menu.signOut')}
        </button>
      </form>
      <form method="post" action="/api/auth/logout-everywhere">
        <button type="submit" className="button button-secondary">
          {t('menu.signOutEverywhere')}
        </button>
      </form>
    </nav>
  );
}
