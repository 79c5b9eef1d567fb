'use client';

import type { FormEvent } from 'react';
import { TextField } from './TextField.tsx';
import { afterSignIn, formValues, useAccountForm } from './use-account-form.ts';
import { ErrorAlert } from '../ErrorAlert.tsx';

export function LoginForm() {
  const { failure, busy, fieldError, post } = useAccountForm();

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const result = await post('/api/auth/login', formValues(event.currentTarget));
    // A full navigation: every server component renders again with the new cookie.
    if (result.ok) window.location.assign(afterSignIn());
  };

  return (
    <form className="card" onSubmit={(e) => void submit(e)} noValidate>
      <ErrorAlert message={failure?.message} />
      <TextField
        id="sign-in-email"
        label="Email"
        name="email"
        type="email"
        autoComplete="username"
        required
        error={fieldError('email')}
      />
      <TextField
        id="sign-in-password"
        label="Password"
        name="password"
        type="password"
        autoComplete="current-password"
        required
        error={fieldError('password')}
      />
      <button type="submit" className="button" disabled={busy}>
        Sign in
      </button>
    </form>
  );
}
