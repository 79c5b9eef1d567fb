'use client';

import { useTranslations } from 'next-intl';
import type { FormEvent } from 'react';
import { useErrorText } from '../../i18n/use-error-text.ts';
import { TextField } from './TextField.tsx';
import { afterSignIn, formValues, useAccountForm } from './use-account-form.ts';
import { ErrorAlert } from '../ErrorAlert.tsx';

export function LoginForm() {
  const t = useTranslations('accounts');
  const errorText = useErrorText();
  const { failure, busy, fieldError, post } = useAccountForm();

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const result = await post('/api/auth/login', formValues(event.currentTarget));
    // A full navigation: every server component renders again with the new cookie.
    if (result.ok) window.location.assign(afterSignIn());
  };

  return (
    <form className="card" onSubmit={(e) => void submit(e)} noValidate>
      <ErrorAlert message={failure ? errorText(failure) : null} />
      <TextField
        id="sign-in-email"
        label={t('form.email')}
        name="email"
        type="email"
        autoComplete="username"
        required
        error={fieldError('email')}
      />
      <TextField
        id="sign-in-password"
        label={t('form.password')}
        name="password"
        type="password"
        autoComplete="current-password"
        required
        error={fieldError('password')}
      />
      <button type="submit" className="button" disabled={busy}>
        {t('login.submit')}
      </button>
    </form>
  );
}
