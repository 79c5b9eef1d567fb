import Link from 'next/link';
import styles from './accounts.module.css';

export interface SignedInAccount {
  name: string;
  email: string;
  role: 'teacher' | 'admin';
}

/** Who is signed in, the admin page for admins, and both ways to sign out (plain form posts). */
export function AccountMenu({ account }: { account: SignedInAccount }) {
  return (
    <nav className={styles.menu} aria-label="Account">
      <p className={styles.who}>
        Signed in as <strong>{account.name}</strong> <span>({account.email})</span>
      </p>
      {account.role === 'admin' ? (
        <Link className="button button-secondary" href="/teacher/admin">
          Accounts
        </Link>
      ) : null}
      <form method="post" action="/api/auth/logout">
        <button type="submit" className="button button-secondary">
          Sign out
        </button>
      </form>
      <form method="post" action="/api/auth/logout-everywhere">
        <button type="submit" className="button button-secondary">
          Sign out everywhere
        </button>
      </form>
    </nav>
  );
}
