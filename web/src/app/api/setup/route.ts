import { z } from 'zod';
import { readJsonBody } from '../../../server/request-body.ts';
import {
  emailField,
  linkTokenField,
  nameField,
  passwordField,
} from '../../../server/accounts/fields.ts';
import { answeringEmailTaken, completeSetup } from '../../../server/accounts/link-actions.ts';
import { failureResponse, signedInResponse } from '../../../server/accounts/responses.ts';

const bodySchema = z.object({
  token: linkTokenField,
  name: nameField,
  email: emailField,
  password: passwordField,
});

/** The setup link: creates the owner (admin) account and signs it in. */
export async function POST(request: Request): Promise<Response> {
  const body = await readJsonBody(request, bodySchema);
  if (!body.ok) return body.response;
  const { token, ...details } = body.data;
  const result = await answeringEmailTaken(() => completeSetup(token, details));
  return result.ok ? signedInResponse(request, result.account) : failureResponse(result);
}
