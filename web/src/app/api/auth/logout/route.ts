import { TEACHER_COOKIE } from '../../../../server/auth.ts';

/** Plain form POST from the library: clear the cookie and go back to sign-in. */
export function POST(request: Request): Response {
  const response = new Response(null, {
    status: 303,
    headers: { location: new URL('/teacher/login', request.url).toString() },
  });
  response.headers.append(
    'set-cookie',
    `${TEACHER_COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0`,
  );
  return response;
}
