'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useState, type FormEvent } from 'react';
import { useErrorText } from '../../i18n/use-error-text.ts';
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
const SUBMIT = {
  setup: 'link.submitSetup',
  invitation: 'link.submitInvitation',
  'password-reset': 'link.submitReset',
} as const satisfies Record<LinkPurpose, string>;

type Inspected =
  | { state: 'checking' }
  | { state: 'gone'; code: string }
  | { state: 'ready'; token: string; email: string | null };

/**
 * The page a one-time link opens: the owner's setup, an invitation, or a password reset. The
 * link's secret is in the URL's fragment, which never reaches a server log; this form posts it.
 */
export function LinkAccountForm({ purpose }: { purpose: LinkPurpose }) {
  const t = useTranslations('accounts');
  const errorText = useErrorText();
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
          : { state: 'gone', code: result.code },
      ),
    );
  }, [purpose]);

  if (link.state === 'checking') return <p role="status">{t('link.checking')}</p>;
  if (link.state === 'gone')
    return (
      <p className="field-error" role="alert">
        {errorText(link.code)}
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
      <ErrorAlert message={failure ? errorText(failure) : null} />
      {link.email && purpose !== 'setup' ? (
        <p>
          {t.rich('link.account', {
            email: link.email,
            b: (chunks) => <strong translate="no">{chunks}</strong>,
          })}
        </p>
      ) : null}
      {purpose !== 'password-reset' ? (
        <TextField
          id="account-name"
          label={t('form.name')}
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
          label={t('form.email')}
          name="email"
          type="email"
          autoComplete="username"
          required
          error={fieldError('email')}
        />
      ) : null}
      <TextField
        id="account-password"
        label={purpose === 'password-reset' ? t('form.newPassword') : t('form.password')}
        hint={t('form.passwordHint', { count: 10 })}
        name="password"
        type="password"
        autoComplete="new-password"
        minLength={10}
        required
        error={fieldError('password')}
      />
      <button type="submit" className="button" disabled={busy}>
        {t(SUBMIT[purpose])}
      </button>
    </form>
  );
}
