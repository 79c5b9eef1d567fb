import { clearedFlowCookie, finishSchoolSignIn } from '../../../../../server/accounts/oidc-flow.ts';
import { recordSignIn } from '../../../../../server/data/account-repository.ts';
import { database } from '../../../../../server/db.ts';
import { sessionCookieHeader } from '../../../../../server/accounts/session-cookie.ts';

/** The provider sends the browser back here: signed in and on to the page it came from, or refused. */
export async function GET(request: Request): Promise<Response> {
  const finished = await finishSchoolSignIn(request);
  const location = finished.ok ? finished.next : `/teacher/login?error=${finished.error}`;
  const response = new Response(null, {
    status: 303,
    headers: { location, 'cache-control': 'no-store' },
  });
  response.headers.append('set-cookie', clearedFlowCookie(request));
  if (finished.ok) {
    await recordSignIn(await database(), finished.account.id, Date.now());
    response.headers.append('set-cookie', await sessionCookieHeader(request, finished.account.id));
  }
  return response;
}
