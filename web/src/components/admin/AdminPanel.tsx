'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { LocalTime } from '../teacher/LocalTime.tsx';
import { callApi } from '../teacher/api.ts';
import styles from './admin.module.css';
import { ErrorAlert } from '../ErrorAlert.tsx';

export interface AdminOverview {
  accounts: Array<{
    id: string;
    name: string;
    email: string;
    role: 'teacher' | 'admin';
    disabled: boolean;
    lastSignInAt: number | null;
    decks: number;
    sessions: number;
  }>;
  totals: { accounts: number; activeAccounts: number; decks: number; sessions: number };
  invitations: Array<{ id: string; email: string | null; role: string | null; expiresAt: number }>;
}

/** A one-time link just made, shown once to pass on (it is never shown again). */
interface MadeLink {
  label: string;
  url: string;
}

/** The admin's page: usage totals, invitations and every account (counts only, no answers). */
export function AdminPanel({ overview, selfId }: { overview: AdminOverview; selfId: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [made, setMade] = useState<MadeLink | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  const act = async (key: string, action: () => Promise<{ ok: boolean; message?: string }>) => {
    setBusy(key);
    setError(null);
    const result = await action();
    setBusy(null);
    if (!result.ok) setError(result.message ?? 'That did not work.');
    router.refresh();
    return result.ok;
  };

  const invite = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const raw = data.get('email');
    const email = typeof raw === 'string' ? raw.trim() : '';
    void act('invite', async () => {
      const result = await callApi<{ url: string }>('/api/admin/invitations', {
        method: 'POST',
        body: { email, role: data.get('role') },
      });
      if (result.ok) {
        setMade({ label: `Invitation link for ${email}`, url: result.url });
        form.reset();
      }
      return result;
    });
  };

  const update = (id: string, change: { disabled?: boolean; role?: string }) =>
    void act(`update-${id}`, () =>
      callApi(`/api/admin/accounts/${id}`, { method: 'PATCH', body: change }),
    );

  const resetLink = (account: AdminOverview['accounts'][number]) =>
    void act(`reset-${account.id}`, async () => {
      const result = await callApi<{ url: string }>(
        `/api/admin/accounts/${account.id}/password-reset`,
        { method: 'POST' },
      );
      if (result.ok)
        setMade({ label: `Password reset link for ${account.email}`, url: result.url });
      return result;
    });

  const revoke = (id: string) =>
    void act(`revoke-${id}`, () => callApi(`/api/admin/invitations/${id}`, { method: 'DELETE' }));

  const { totals } = overview;
  return (
    <main className="page">
      <header className={styles.header}>
        <h1>Accounts</h1>
        <Link href="/teacher">Back to your decks</Link>
      </header>
      <ErrorAlert message={error} />

      <section aria-labelledby="usage-heading" className={styles.section}>
        <h2 id="usage-heading">Usage</h2>
        <dl className={styles.totals}>
          <div>
            <dt>Accounts</dt>
            <dd>
              {totals.activeAccounts} active of {totals.accounts}
            </dd>
          </div>
          <div>
            <dt>Decks</dt>
            <dd>{totals.decks}</dd>
          </div>
          <div>
            <dt>Sessions</dt>
            <dd>{totals.sessions}</dd>
          </div>
        </dl>
      </section>

      <section aria-labelledby="invite-heading" className={`card ${styles.section}`}>
        <h2 id="invite-heading">Invite a teacher</h2>
        <form className={styles.inviteForm} onSubmit={invite}>
          <div className="field">
            <label htmlFor="invite-email">Email</label>
            <input id="invite-email" name="email" type="email" required maxLength={254} />
          </div>
          <div className="field">
            <label htmlFor="invite-role">Role</label>
            <select id="invite-role" name="role" defaultValue="teacher">
              <option value="teacher">Teacher</option>
              <option value="admin">Admin</option>
            </select>
          </div>
          <button type="submit" className="button" disabled={busy === 'invite'}>
            Create invitation
          </button>
        </form>
        {made ? (
          <div className="field" role="status">
            <label htmlFor="made-link">{made.label}</label>
            <input id="made-link" readOnly value={made.url} onFocus={(e) => e.target.select()} />
            <p className="field-hint">
              Works once. Send it to them yourself; it is not shown again.
            </p>
          </div>
        ) : null}
        {overview.invitations.length > 0 ? (
          <>
            <h3>Pending invitations</h3>
            <ul className="row-list">
              {overview.invitations.map((i) => (
                <li key={i.id}>
                  <span>
                    {i.email} ({i.role}), until <LocalTime at={i.expiresAt} />
                  </span>
                  <button
                    type="button"
                    className="button button-secondary"
                    disabled={busy === `revoke-${i.id}`}
                    onClick={() => revoke(i.id)}
                  >
                    Revoke invitation for {i.email}
                  </button>
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </section>

      <section aria-labelledby="accounts-heading" className={styles.section}>
        <h2 id="accounts-heading">Teachers and admins</h2>
        <div className={styles.tableScroll} tabIndex={0} aria-label="Accounts table">
          <table className={styles.table}>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Email</th>
                <th scope="col">Role</th>
                <th scope="col">Status</th>
                <th scope="col">Decks</th>
                <th scope="col">Sessions</th>
                <th scope="col">Last sign-in</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {overview.accounts.map((a) => (
                <tr key={a.id}>
                  <th scope="row">{a.name}</th>
                  <td>{a.email}</td>
                  <td>{a.role === 'admin' ? 'Admin' : 'Teacher'}</td>
                  <td>{a.disabled ? 'Disabled' : 'Active'}</td>
                  <td>{a.decks}</td>
                  <td>{a.sessions}</td>
                  <td>{a.lastSignInAt ? <LocalTime at={a.lastSignInAt} /> : 'Never'}</td>
                  <td className={styles.actions}>
                    {a.id === selfId ? (
                      <span>You</span>
                    ) : (
                      <>
                        <button
                          type="button"
                          className="button button-secondary"
                          disabled={busy === `update-${a.id}`}
                          onClick={() => update(a.id, { disabled: !a.disabled })}
                        >
                          {a.disabled ? `Enable ${a.email}` : `Disable ${a.email}`}
                        </button>
                        <button
                          type="button"
                          className="button button-secondary"
                          disabled={busy === `update-${a.id}`}
                          onClick={() =>
                            update(a.id, { role: a.role === 'admin' ? 'teacher' : 'admin' })
                          }
                        >
                          {a.role === 'admin'
                            ? `Make ${a.email} a teacher`
                            : `Make ${a.email} an admin`}
                        </button>
                        <button
                          type="button"
                          className="button button-secondary"
                          disabled={busy === `reset-${a.id}`}
                          onClick={() => resetLink(a)}
                        >
                          Reset password for {a.email}
                        </button>
                      </>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </main>
  );
}
