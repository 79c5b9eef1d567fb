import { joinCodeSchema } from '@classpulse/realtime/protocol';
import {
  safeNext,
  startSchoolSignIn,
  type SignInPurpose,
} from '../../../../../server/accounts/oidc-flow.ts';

/**
 * "Sign in with your school account": off to the provider, with PKCE, state and nonce. A teacher
 * comes back to `next`; a student (`role=student&code=…`) into the session with that code.
 */
export async function GET(request: Request): Promise<Response> {
  const params = new URL(request.url).searchParams;
  let purpose: SignInPurpose;
  let refused: (error: string) => string;
  if (params.get('role') === 'student') {
    const code = joinCodeSchema.safeParse(params.get('code'));
    // Not a join code: back to where a code is typed.
    if (!code.success) return redirect('/join');
    purpose = { role: 'student', code: code.data };
    refused = (error) => `/join/${code.data}?sign_in_error=${error}`;
  } else {
    purpose = { role: 'teacher', next: safeNext(params.get('next')) };
    refused = (error) => `/teacher/login?error=${error}`;
  }
  const started = await startSchoolSignIn(request, purpose);
  if (!started.ok) return redirect(refused(started.error));
  const response = redirect(started.location);
  response.headers.append('set-cookie', started.cookie);
  return response;
}

function redirect(location: string): Response {
  return new Response(null, { status: 303, headers: { location, 'cache-control': 'no-store' } });
}
