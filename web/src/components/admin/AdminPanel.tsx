'use client';

import { useFormatter, useTranslations } from 'next-intl';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent, type ReactNode } from 'react';
import { LocalTime } from '../teacher/LocalTime.tsx';
import { callApi } from '../teacher/api.ts';
import styles from './admin.module.css';
import { ErrorAlert } from '../ErrorAlert.tsx';
import { useErrorText } from '../../i18n/use-error-text.ts';

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
export function AdminPanel({
  overview,
  selfId,
  children,
}: {
  overview: AdminOverview;
  selfId: string;
  /** More admin sections (retention and the access audit), rendered by the server. */
  children?: ReactNode;
}) {
  const t = useTranslations('teacher');
  const format = useFormatter();
  const errorText = useErrorText();
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [made, setMade] = useState<MadeLink | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  const act = async (key: string, action: () => Promise<{ ok: boolean; code?: string }>) => {
    setBusy(key);
    setError(null);
    const result = await action();
    setBusy(null);
    if (!result.ok) setError(result.code ? errorText(result.code) : t('admin.failed'));
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
        setMade({ label: t('admin.invitationFor', { email }), url: result.url });
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
        setMade({ label: t('admin.resetFor', { email: account.email }), url: result.url });
      return result;
    });

  const revoke = (id: string) =>
    void act(`revoke-${id}`, () => callApi(`/api/admin/invitations/${id}`, { method: 'DELETE' }));

  const { totals } = overview;
  return (
    <main className="page">
      <header className={styles.header}>
        <h1>{t('admin.heading')}</h1>
        <Link href="/teacher">{t('admin.back')}</Link>
      </header>
      <ErrorAlert message={error} />

      <section aria-labelledby="usage-heading" className={styles.section}>
        <h2 id="usage-heading">{t('admin.usage')}</h2>
        <dl className={styles.totals}>
          <div>
            <dt>{t('admin.accounts')}</dt>
            <dd>
              {t('admin.activeOf', { active: totals.activeAccounts, total: totals.accounts })}
            </dd>
          </div>
          <div>
            <dt>{t('admin.decks')}</dt>
            <dd>{format.number(totals.decks)}</dd>
          </div>
          <div>
            <dt>{t('admin.sessions')}</dt>
            <dd>{format.number(totals.sessions)}</dd>
          </div>
        </dl>
      </section>

      <section aria-labelledby="invite-heading" className={`card ${styles.section}`}>
        <h2 id="invite-heading">{t('admin.invite')}</h2>
        <form className={styles.inviteForm} onSubmit={invite}>
          <div className="field">
            <label htmlFor="invite-email">{t('admin.email')}</label>
            <input id="invite-email" name="email" type="email" required maxLength={254} />
          </div>
          <div className="field">
            <label htmlFor="invite-role">{t('admin.role')}</label>
            <select id="invite-role" name="role" defaultValue="teacher">
              <option value="teacher">{t('admin.teacher')}</option>
              <option value="admin">{t('admin.adminRole')}</option>
            </select>
          </div>
          <button type="submit" className="button" disabled={busy === 'invite'}>
            {t('admin.createInvitation')}
          </button>
        </form>
        {made ? (
          <div className="field" role="status">
            <label htmlFor="made-link">{made.label}</label>
            <input
              id="made-link"
              readOnly
              dir="ltr"
              translate="no"
              value={made.url}
              onFocus={(e) => e.target.select()}
            />
            <p className="field-hint">{t('admin.linkHint')}</p>
          </div>
        ) : null}
        {overview.invitations.length > 0 ? (
          <>
            <h3>{t('admin.pending')}</h3>
            <ul className="row-list">
              {overview.invitations.map((i) => (
                <li key={i.id}>
                  <span>
                    {t.rich('admin.pendingItem', {
                      email: i.email ?? '',
                      role: i.role ?? 'teacher',
                      data: (chunks) => <span translate="no">{chunks}</span>,
                      time: () => <LocalTime at={i.expiresAt} />,
                    })}
                  </span>
                  <button
                    type="button"
                    className="button button-secondary"
                    disabled={busy === `revoke-${i.id}`}
                    onClick={() => revoke(i.id)}
                  >
                    {t('admin.revoke', { email: i.email ?? '' })}
                  </button>
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </section>

      <section aria-labelledby="accounts-heading" className={styles.section}>
        <h2 id="accounts-heading">{t('admin.people')}</h2>
        <div className={styles.tableScroll} tabIndex={0} aria-label={t('admin.table')}>
          <table className={styles.table}>
            <thead>
              <tr>
                <th scope="col">{t('admin.name')}</th>
                <th scope="col">{t('admin.email')}</th>
                <th scope="col">{t('admin.role')}</th>
                <th scope="col">{t('admin.status')}</th>
                <th scope="col">{t('admin.decks')}</th>
                <th scope="col">{t('admin.sessions')}</th>
                <th scope="col">{t('admin.lastSignIn')}</th>
                <th scope="col">{t('admin.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {overview.accounts.map((a) => (
                <tr key={a.id}>
                  <th scope="row" translate="no">
                    {a.name}
                  </th>
                  <td translate="no">{a.email}</td>
                  <td>{a.role === 'admin' ? t('admin.adminRole') : t('admin.teacher')}</td>
                  <td>{a.disabled ? t('admin.disabled') : t('admin.active')}</td>
                  <td>{format.number(a.decks)}</td>
                  <td>{format.number(a.sessions)}</td>
                  <td>{a.lastSignInAt ? <LocalTime at={a.lastSignInAt} /> : t('admin.never')}</td>
                  <td className={styles.actions}>
                    {a.id === selfId ? (
                      <span>{t('admin.you')}</span>
                    ) : (
                      <>
                        <button
                          type="button"
                          className="button button-secondary"
                          disabled={busy === `update-${a.id}`}
                          onClick={() => update(a.id, { disabled: !a.disabled })}
                        >
                          {a.disabled
                            ? t('admin.enable', { email: a.email })
                            : t('admin.disable', { email: a.email })}
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
                            ? t('admin.makeTeacher', { email: a.email })
                            : t('admin.makeAdmin', { email: a.email })}
                        </button>
                        <button
                          type="button"
                          className="button button-secondary"
                          disabled={busy === `reset-${a.id}`}
                          onClick={() => resetLink(a)}
                        >
                          {t('admin.resetPassword', { email: a.email })}
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
      {children}
    </main>
  );
}
