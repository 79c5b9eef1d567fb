'use client';

import { useEffect, useState, type FormEvent } from 'react';
import { callApi } from '../teacher/api.ts';
import { TextField } from './TextField.tsx';
import { formValues, useAccountForm } from './use-account-form.ts';
import { ErrorAlert } from '../ErrorAlert.tsx';

export type LinkPurpose = 'setup' | 'invitation' | 'password-reset';

const ENDPOINT: Record<LinkPurpose, string> = {
  setup: '/api/setup',
  invitation: '/api/invitations/accept',
  'password-reset': '/api/password-reset',
};
const SUBMIT: Record<LinkPurpose, string> = {
  setup: 'Create owner account',
  invitation: 'Create my account',
  'password-reset': 'Set password',
};

type Inspected =
  | { state: 'checking' }
  | { state: 'gone'; message: string }
  | { state: 'ready'; token: string; email: string | null };

/**
 * The page a one-time link opens: the owner's setup, an invitation, or a password reset. The
 * link's secret is in the URL's fragment, which never reaches a server log; this form posts it.
 */
export function LinkAccountForm({ purpose }: { purpose: LinkPurpose }) {
  const [link, setLink] = useState<Inspected>({ state: 'checking' });
  const { failure, busy, fieldError, post } = useAccountForm();

  useEffect(() => {
    const token = window.location.hash.slice(1);
    void callApi<{ email: string | null }>('/api/links/inspect', {
      method: 'POST',
      body: { purpose, token },
    }).then((result) =>
      setLink(
        result.ok
          ? { state: 'ready', token, email: result.email }
          : { state: 'gone', message: result.message },
      ),
    );
  }, [purpose]);

  if (link.state === 'checking') return <p role="status">Checking the link…</p>;
  if (link.state === 'gone')
    return (
      <p className="field-error" role="alert">
        {link.message}
      </p>
    );

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const result = await post(ENDPOINT[purpose], {
      ...formValues(event.currentTarget),
      token: link.token,
    });
    if (result.ok) window.location.assign('/teacher');
  };

  return (
    <form className="card" onSubmit={(e) => void submit(e)} noValidate>
      <ErrorAlert message={failure?.message} />
      {link.email && purpose !== 'setup' ? (
        <p>
          Account: <strong>{link.email}</strong>
        </p>
      ) : null}
      {purpose !== 'password-reset' ? (
        <TextField
          id="account-name"
          label="Your name"
          name="name"
          autoComplete="name"
          maxLength={100}
          required
          error={fieldError('name')}
        />
      ) : null}
      {purpose === 'setup' ? (
        <TextField
          id="account-email"
          label="Email"
          name="email"
          type="email"
          autoComplete="username"
          required
          error={fieldError('email')}
        />
      ) : null}
      <TextField
        id="account-password"
        label={purpose === 'password-reset' ? 'New password' : 'Password'}
        hint="At least 10 characters."
        name="password"
        type="password"
        autoComplete="new-password"
        minLength={10}
        required
        error={fieldError('password')}
      />
      <button type="submit" className="button" disabled={busy}>
        {SUBMIT[purpose]}
      </button>
    </form>
  );
}
