import { apiError } from './api-response.ts';
import { currentAccount } from './accounts/current-account.ts';
import type { Account } from './data/account-repository.ts';

type Guarded = { account: Account; teacherId: string } | { response: Response };

/** Route-handler guard: the signed-in account (its id is the teacher id), or a 401 to return. */
export async function requireTeacher(): Promise<Guarded> {
  const account = await currentAccount();
  return account
    ? { account, teacherId: account.id }
    : { response: apiError(401, 'signed_out', 'Your sign-in has ended. Sign in again.') };
}

/** Like requireTeacher, and the account must be an admin (403 otherwise). */
export async function requireAdmin(): Promise<Guarded> {
  const auth = await requireTeacher();
  if ('response' in auth || auth.account.role === 'admin') return auth;
  return { response: apiError(403, 'forbidden', 'Only an admin can do this.') };
}

/** What Next passes the handlers of a route under an `[id]` segment (a deck's or a session's). */
export interface IdRouteContext {
  params: Promise<{ id: string }>;
}

/**
 * A handler of a route under `[id]` that runs only for a signed-in teacher: anyone else gets
 * requireTeacher's 401 before the path is read. The handler gets the teacher's id and the `[id]`;
 * whether that deck or session is this teacher's is still the handler's to check.
 */
export function teacherRouteWithId(
  handler: (teacherId: string, id: string, request: Request) => Response | Promise<Response>,
): (request: Request, context: IdRouteContext) => Promise<Response> {
  return guardedRouteWithId(requireTeacher, (account, id, request) =>
    handler(account.id, id, request),
  );
}

/** teacherRouteWithId for admins: the handler gets the admin's account. */
export function adminRouteWithId(
  handler: (admin: Account, id: string, request: Request) => Response | Promise<Response>,
): (request: Request, context: IdRouteContext) => Promise<Response> {
  return guardedRouteWithId(requireAdmin, handler);
}

function guardedRouteWithId(
  guard: () => Promise<Guarded>,
  handler: (account: Account, id: string, request: Request) => Response | Promise<Response>,
): (request: Request, context: IdRouteContext) => Promise<Response> {
  return async (request, { params }) => {
    const auth = await guard();
    if ('response' in auth) return auth.response;
    return handler(auth.account, (await params).id, request);
  };
}
