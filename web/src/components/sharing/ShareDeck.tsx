'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useState, type FormEvent } from 'react';
import { useErrorText } from '../../i18n/use-error-text.ts';
import { callApi } from '../teacher/api.ts';
import styles from './sharing.module.css';
import { ErrorAlert } from '../ErrorAlert.tsx';

interface Share {
  accountId: string;
  email: string;
  name: string;
  permission: 'view' | 'edit';
}

/** The owner shares the deck with other teachers of this Classpulse, to view and copy or to edit. */
export function ShareDeck({ deckId }: { deckId: string }) {
  const t = useTranslations('teacher');
  const errorText = useErrorText();
  const [shares, setShares] = useState<Share[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const path = `/api/decks/${deckId}/shares`;

  useEffect(() => {
    void callApi<{ shares: Share[] }>(path).then((r) => r.ok && setShares(r.shares));
  }, [path]);

  const change = async (email: string, permission: 'view' | 'edit' | 'none') => {
    setBusy(true);
    const result = await callApi<{ shares: Share[] }>(path, {
      method: 'POST',
      body: { email, permission },
    });
    setBusy(false);
    setError(result.ok ? null : errorText(result));
    if (result.ok) setShares(result.shares);
    return result.ok;
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const email = data.get('email');
    const permission = data.get('permission') === 'edit' ? 'edit' : 'view';
    void change(typeof email === 'string' ? email.trim() : '', permission).then(
      (ok) => ok && form.reset(),
    );
  };

  return (
    <section className={`card ${styles.panel}`} aria-labelledby="share-heading">
      <h2 id="share-heading">{t('share.heading')}</h2>
      <form className={styles.form} onSubmit={submit}>
        <div className="field">
          <label htmlFor="share-email">{t('share.email')}</label>
          <input id="share-email" name="email" type="email" required maxLength={254} />
        </div>
        <div className="field">
          <label htmlFor="share-permission">{t('share.permission')}</label>
          <select id="share-permission" name="permission" defaultValue="view">
            <option value="view">{t('share.view')}</option>
            <option value="edit">{t('share.edit')}</option>
          </select>
        </div>
        <button type="submit" className="button button-secondary" disabled={busy}>
          {t('share.submit')}
        </button>
      </form>
      <ErrorAlert message={error} />
      {shares.length > 0 ? (
        <ul className={`row-list ${styles.list}`} aria-label={t('share.list')}>
          {shares.map((s) => (
            <li key={s.accountId}>
              <span>
                {t.rich('share.entry', {
                  name: s.name,
                  email: s.email,
                  permission: s.permission,
                  data: (chunks) => <span translate="no">{chunks}</span>,
                })}
              </span>
              <button
                type="button"
                className="button button-secondary"
                disabled={busy}
                onClick={() => void change(s.email, 'none')}
              >
                {t('share.stop', { email: s.email })}
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p className={styles.muted}>{t('share.onlyYou')}</p>
      )}
    </section>
  );
}
