import { apiError, json } from '../api-response.ts';
import { recordSignIn, type Account } from '../data/account-repository.ts';
import { database } from '../db.ts';
import { appendAccountLocaleCookie } from './locale-cookie.ts';
import { clearedSessionCookieHeader, sessionCookieHeader } from './session-cookie.ts';

/** What a browser learns about its own account. */
export const accountView = (account: Account) => ({
  id: account.id,
  email: account.email,
  name: account.name,
  role: account.role,
});

/**
 * A JSON answer that also signs the browser in as `account` (and notes when, for admins), in the
 * account's own interface language when the teacher chose one.
 */
export async function signedInResponse(request: Request, account: Account): Promise<Response> {
  await recordSignIn(await database(), account.id, Date.now());
  const response = json({ ok: true, account: accountView(account) });
  response.headers.append('set-cookie', await sessionCookieHeader(request, account.id));
  appendAccountLocaleCookie(response, request, account.language);
  return response;
}

/** A failed account action as the API's error shape (Retry-After when rate limited). */
export function failureResponse(failure: {
  status: number;
  code: string;
  message: string;
  retryAfterSeconds?: number;
}): Response {
  const response = apiError(failure.status, failure.code, failure.message);
  if (failure.retryAfterSeconds !== undefined)
    response.headers.set('retry-after', String(failure.retryAfterSeconds));
  return response;
}

/** A plain form POST's answer: go to `path`, signed out. */
export function signedOutRedirect(request: Request, path = '/teacher/login'): Response {
  const response = new Response(null, {
    status: 303,
    headers: { location: path, 'cache-control': 'no-store' },
  });
  response.headers.append('set-cookie', clearedSessionCookieHeader(request));
  return response;
}
