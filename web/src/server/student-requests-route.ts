import { notFound, redirect } from 'next/navigation';
import { apiError } from './api-response.ts';
import { currentAccount } from './accounts/current-account.ts';
import type { Account } from './data/account-repository.ts';
import { requireAdmin } from './require-teacher.ts';
import { takeStudentRequest } from './student-requests.ts';

/**
 * The guard of every /api/admin/students route: an admin (401/403 otherwise), within their
 * request budget (429 with Retry-After past it).
 */
export async function admitStudentRequest(): Promise<{ admin: Account } | { response: Response }> {
  const auth = await requireAdmin();
  if ('response' in auth) return auth;
  const waitMs = takeStudentRequest(auth.account.id);
  if (waitMs > 0) {
    const response = apiError(429, 'rate_limited', 'Too many student requests; try again shortly.');
    response.headers.set('retry-after', String(Math.ceil(waitMs / 1000)));
    return { response };
  }
  return { admin: auth.account };
}

/** The guard of the admin's student pages: sign in first; anyone but an admin finds nothing. */
export async function adminForPage(path: string): Promise<Account> {
  const account = await currentAccount();
  if (!account) redirect(`/teacher/login?next=${encodeURIComponent(path)}`);
  if (account.role !== 'admin') notFound();
  return account;
}
