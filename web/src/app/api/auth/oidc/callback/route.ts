import {
  clearedFlowCookie,
  finishSchoolSignIn,
  teacherAccountFor,
  type SignInPurpose,
} from '../../../../../server/accounts/oidc-flow.ts';
import { recordSignIn } from '../../../../../server/data/account-repository.ts';
import { database } from '../../../../../server/db.ts';
import { appendAccountLocaleCookie } from '../../../../../server/accounts/locale-cookie.ts';
import { sessionCookieHeader } from '../../../../../server/accounts/session-cookie.ts';
import { signInStudent } from '../../../../../server/student-sign-in.ts';
import { signedInLocation } from '../../../../../lib/signed-in-handoff.ts';

/** Where a refused sign-in goes: a student back to the session's page, a teacher to sign-in. */
function refusedLocation(purpose: SignInPurpose | null, error: string): string {
  return purpose?.role === 'student'
    ? `/join/${purpose.code}?sign_in_error=${error}`
    : `/teacher/login?error=${error}`;
}

/**
 * The provider sends the browser back here. A teacher is signed in and goes on to the page they
 * came from; a student goes into the session, as that session's student; or either is refused.
 */
export async function GET(request: Request): Promise<Response> {
  const finished = await finishSchoolSignIn(request);
  const redirect = (location: string) => {
    const response = new Response(null, {
      status: 303,
      headers: { location, 'cache-control': 'no-store' },
    });
    response.headers.append('set-cookie', clearedFlowCookie(request));
    return response;
  };
  if (!finished.ok) return redirect(refusedLocation(finished.purpose, finished.error));
  const { purpose, identity } = finished;

  if (purpose.role === 'student') {
    const student = await signInStudent(purpose.code, identity);
    return redirect(
      student.ok
        ? signedInLocation(purpose.code, student.identity)
        : refusedLocation(purpose, student.error),
    );
  }

  const teacher = await teacherAccountFor(identity);
  if (!teacher.ok) return redirect(refusedLocation(purpose, teacher.error));
  await recordSignIn(await database(), teacher.account.id, Date.now());
  const response = redirect(purpose.next);
  response.headers.append('set-cookie', await sessionCookieHeader(request, teacher.account.id));
  appendAccountLocaleCookie(response, request, teacher.account.language);
  return response;
}
