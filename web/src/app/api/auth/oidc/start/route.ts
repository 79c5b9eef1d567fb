import { safeNext, startSchoolSignIn } from '../../../../../server/accounts/oidc-flow.ts';

/** "Sign in with your school account": off to the provider, with PKCE, state and nonce. */
export async function GET(request: Request): Promise<Response> {
  const next = safeNext(new URL(request.url).searchParams.get('next'));
  const started = await startSchoolSignIn(request, next);
  if (!started.ok)
    return new Response(null, {
      status: 303,
      headers: { location: `/teacher/login?error=${started.error}`, 'cache-control': 'no-store' },
    });
  const response = new Response(null, {
    status: 303,
    headers: { location: started.location, 'cache-control': 'no-store' },
  });
  response.headers.append('set-cookie', started.cookie);
  return response;
}
