'use client';

import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { callApi } from './api.ts';

export function LoginForm() {
  const router = useRouter();
  const [secret, setSecret] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    const result = await callApi('/api/auth/login', { method: 'POST', body: { secret } });
    setBusy(false);
    if (!result.ok) return setError(result.message);
    router.push('/teacher');
    router.refresh();
  };

  return (
    <form className="card" onSubmit={(e) => void submit(e)} noValidate>
      <p>
        Enter the teacher secret that <code>npm start</code> printed the first time it ran (it is
        also stored in the data folder under <code>secrets/teacher-secret</code>).
      </p>
      <div className="field">
        <label htmlFor="teacher-secret">Teacher secret</label>
        <input
          id="teacher-secret"
          type="password"
          autoComplete="current-password"
          value={secret}
          onChange={(e) => setSecret(e.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'teacher-secret-error' : undefined}
        />
        {error ? (
          <p id="teacher-secret-error" className="field-error" role="alert">
            {error}
          </p>
        ) : null}
      </div>
      <button type="submit" className="button" disabled={busy}>
        Sign in
      </button>
    </form>
  );
}
