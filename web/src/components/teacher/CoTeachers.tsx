'use client';

import { useTranslations } from 'next-intl';
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useErrorText } from '../../i18n/use-error-text.ts';
import { callApi } from './api.ts';
import styles from './dashboard.module.css';
import { ErrorAlert } from '../ErrorAlert.tsx';

interface CoTeaching {
  role: 'owner' | 'co-teacher';
  owner: { name: string; email: string };
  coTeachers: Array<{ accountId: string; email: string; name: string }>;
}

/**
 * Who teaches this session. The owner adds co-teachers by address (they open the same dashboard
 * with full control) and removes them; a co-teacher sees whose session it is.
 */
export function CoTeachers({ sessionId }: { sessionId: string }) {
  const t = useTranslations('dashboard.coTeachers');
  const errorText = useErrorText();
  const [info, setInfo] = useState<CoTeaching | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const path = `/api/sessions/${sessionId}/co-teachers`;

  const load = useCallback(async () => {
    const result = await callApi<CoTeaching>(path);
    if (result.ok) setInfo(result);
  }, [path]);
  useEffect(() => {
    void load();
  }, [load]);

  const change = async (email: string, action: 'add' | 'remove') => {
    setBusy(true);
    const result = await callApi<CoTeaching>(path, { method: 'POST', body: { email, action } });
    setBusy(false);
    setError(result.ok ? null : errorText(result));
    if (result.ok) setInfo(result);
    return result.ok;
  };

  const add = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const raw = new FormData(form).get('email');
    const email = typeof raw === 'string' ? raw.trim() : '';
    void change(email, 'add').then((ok) => ok && form.reset());
  };

  if (!info) return null;
  return (
    <section className="card" aria-labelledby="co-teachers-heading">
      <h2 id="co-teachers-heading" className={styles.panelTitle}>
        {t('heading')}
      </h2>
      {info.role === 'co-teacher' ? <p>{t('youCoTeach', { owner: info.owner.name })}</p> : null}
      {info.coTeachers.length === 0 ? (
        <p className={styles.muted}>{t('nobody')}</p>
      ) : (
        <ul className={styles.plainList}>
          {info.coTeachers.map((c) => (
            <li key={c.accountId} className={styles.coTeacher}>
              <span>
                {t.rich('entry', {
                  name: c.name,
                  email: () => <span translate="no">{c.email}</span>,
                })}
              </span>
              {info.role === 'owner' ? (
                <button
                  type="button"
                  className="button button-secondary"
                  disabled={busy}
                  onClick={() => void change(c.email, 'remove')}
                >
                  {t('remove', { email: c.email })}
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {info.role === 'owner' ? (
        <form onSubmit={add}>
          <div className="field">
            <label htmlFor="co-teacher-email">{t('email')}</label>
            <input id="co-teacher-email" name="email" type="email" required maxLength={254} />
          </div>
          <button type="submit" className="button button-secondary" disabled={busy}>
            {t('add')}
          </button>
        </form>
      ) : null}
      <ErrorAlert message={error} />
    </section>
  );
}
