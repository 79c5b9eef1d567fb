import { z } from 'zod';
import { readJson, validationError } from '../../../server/api-response.ts';
import { linkTokenField, passwordField } from '../../../server/accounts/fields.ts';
import { completePasswordReset } from '../../../server/accounts/link-actions.ts';
import { failureResponse, signedInResponse } from '../../../server/accounts/responses.ts';

const bodySchema = z.object({ token: linkTokenField, password: passwordField });

/** A password-reset link an admin made: sets the new password and signs in. */
export async function POST(request: Request): Promise<Response> {
  const body = bodySchema.safeParse(await readJson(request));
  if (!body.success) return validationError(body.error);
  const result = await completePasswordReset(body.data.token, body.data.password);
  return result.ok ? signedInResponse(request, result.account) : failureResponse(result);
}
