import { z } from 'zod';
import { readJsonBody } from '../../../server/request-body.ts';
import { linkTokenField, passwordField } from '../../../server/accounts/fields.ts';
import { completePasswordReset } from '../../../server/accounts/link-actions.ts';
import { failureResponse, signedInResponse } from '../../../server/accounts/responses.ts';

const bodySchema = z.object({ token: linkTokenField, password: passwordField });

/** A password-reset link an admin made: sets the new password and signs in. */
export async function POST(request: Request): Promise<Response> {
  const body = await readJsonBody(request, bodySchema);
  if (!body.ok) return body.response;
  const result = await completePasswordReset(body.data.token, body.data.password);
  return result.ok ? signedInResponse(request, result.account) : failureResponse(result);
}
