import { z } from 'zod';
import { apiError, validationError } from '../../../../server/api-response.ts';
import { readJsonValue } from '../../../../server/request-body.ts';
import { emailField } from '../../../../server/accounts/fields.ts';
import { failureResponse, signedInResponse } from '../../../../server/accounts/responses.ts';
import { signInWithPassword } from '../../../../server/accounts/sign-in.ts';
import { requestSource } from '../../../../server/request-source.ts';
import { PASSWORD_MAX_LENGTH } from '../../../../server/accounts/passwords.ts';

const bodySchema = z.object({
  email: emailField,
  password: z.string().min(1, 'Enter your password.').max(PASSWORD_MAX_LENGTH),
});

/** Email and password sign-in of a local account. */
export async function POST(request: Request): Promise<Response> {
  const read = await readJsonValue(request);
  if (!read.ok) return read.response;
  const raw = read.data;
  // The shared teacher secret of before accounts: say plainly that it is over.
  if (raw && typeof raw === 'object' && 'secret' in raw && !('email' in raw))
    return apiError(
      410,
      'teacher_secret_retired',
      'The teacher secret no longer signs in: Classpulse now has an account for every teacher. Sign in with your email and password, or ask your Classpulse admin for an invitation.',
    );
  const body = bodySchema.safeParse(raw);
  if (!body.success) return validationError(body.error);
  const result = await signInWithPassword(
    body.data.email,
    body.data.password,
    requestSource(request),
  );
  return result.ok ? signedInResponse(request, result.account) : failureResponse(result);
}
