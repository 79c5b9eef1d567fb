import { notFound, redirect } from 'next/navigation';
import { apiError } from './api-response.ts';
import { currentAccount } from './accounts/current-account.ts';
import type { Account } from './data/account-repository.ts';
import { requireAdmin } from './require-teacher.ts';
import { refsFromParams, type StudentRef, takeStudentRequest } from './student-requests.ts';

const STUDENT_SEARCH_PATH = '/teacher/admin/students';

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

type PageParams = Record<string, string | string[] | undefined>;

/**
 * What the export and erase pages start with: an admin, the students chosen on the search page
 * (back to it when none parse), and whether this view is within the admin's request budget.
 */
export async function openStudentRequestPage(searchParams: Promise<PageParams>): Promise<{
  admin: Account;
  params: PageParams;
  refs: StudentRef[];
  limited: boolean;
}> {
  const admin = await adminForPage(STUDENT_SEARCH_PATH);
  const params = await searchParams;
  const refs = refsFromParams(params.s);
  if (!refs) redirect(`${STUDENT_SEARCH_PATH}?none=1`);
  return { admin, params, refs, limited: takeStudentRequest(admin.id) > 0 };
}
