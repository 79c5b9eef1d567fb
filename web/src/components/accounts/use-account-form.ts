'use client';

import { useState } from 'react';
import { callApi, type ApiFailure } from '../teacher/api.ts';
import { useAccountIssueText } from './account-issue-text.ts';

/**
 * Posting an account form: the first error as an alert (by its code), and each field's own
 * message by the API's issue path, in the reader's language. Fields are read from the form, not React state, so text typed before the page
 * became interactive counts.
 */
export function useAccountForm() {
  const [failure, setFailure] = useState<ApiFailure | null>(null);
  const [busy, setBusy] = useState(false);
  const issueText = useAccountIssueText();
  const fieldError = (path: string) =>
    issueText(failure?.issues?.find((i) => i.path === path)?.message);

  const post = async <T extends object>(path: string, body: unknown) => {
    setBusy(true);
    const result = await callApi<T>(path, { method: 'POST', body });
    setBusy(false);
    setFailure(result.ok ? null : result);
    return result;
  };
  return { failure, busy, fieldError, post };
}

/** A form's string fields by name. */
export function formValues(form: HTMLFormElement): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of new FormData(form)) if (typeof value === 'string') values[key] = value;
  return values;
}

/** Where to go after signing in: a same-site path from `?next=`, else the library. */
export function afterSignIn(): string {
  const next = new URLSearchParams(window.location.search).get('next');
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/teacher';
}
