'use client';

import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { callApi } from './api.ts';

export function LoginForm() {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  // Read from the form, not React state: text typed before the page became interactive counts.
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const secret = new FormData(event.currentTarget).get('secret');
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
          name="secret"
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
