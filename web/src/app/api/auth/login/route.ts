import { z } from 'zod';
import { apiError, json, readJson, validationError } from '../../../../server/api-response.ts';
import { issueTeacherCookie, secretMatches } from '../../../../server/auth.ts';

const bodySchema = z.object({
  secret: z.string().trim().min(1, 'Enter the teacher secret.').max(200),
});

/** Local sign-in with the secret printed at first start. */
export async function POST(request: Request): Promise<Response> {
  const body = bodySchema.safeParse(await readJson(request));
  if (!body.success) return validationError(body.error);
  if (!secretMatches(body.data.secret))
    return apiError(401, 'wrong_secret', 'That secret is not right.');
  const cookie = await issueTeacherCookie();
  const response = json({ ok: true });
  response.headers.append(
    'set-cookie',
    `${cookie.name}=${cookie.value}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${cookie.maxAge}`,
  );
  return response;
}
