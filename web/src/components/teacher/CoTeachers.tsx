'use client';

import { useCallback, useEffect, useState, type FormEvent } from 'react';
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
    setError(result.ok ? null : result.message);
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
        Co-teachers
      </h2>
      {info.role === 'co-teacher' ? (
        <p>
          You co-teach {info.owner.name}&rsquo;s session, with full control. Your actions are
          recorded in the report under your name.
        </p>
      ) : null}
      {info.coTeachers.length === 0 ? (
        <p className={styles.muted}>Nobody else teaches this session.</p>
      ) : (
        <ul className={styles.plainList}>
          {info.coTeachers.map((c) => (
            <li key={c.accountId} className={styles.coTeacher}>
              <span>
                {c.name} ({c.email})
              </span>
              {info.role === 'owner' ? (
                <button
                  type="button"
                  className="button button-secondary"
                  disabled={busy}
                  onClick={() => void change(c.email, 'remove')}
                >
                  Remove co-teacher {c.email}
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {info.role === 'owner' ? (
        <form onSubmit={add}>
          <div className="field">
            <label htmlFor="co-teacher-email">Co-teacher&rsquo;s email</label>
            <input id="co-teacher-email" name="email" type="email" required maxLength={254} />
          </div>
          <button type="submit" className="button button-secondary" disabled={busy}>
            Add co-teacher
          </button>
        </form>
      ) : null}
      <ErrorAlert message={error} />
    </section>
  );
}
