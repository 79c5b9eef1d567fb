import { z } from 'zod';
import { readJsonBody } from '../../../../server/request-body.ts';
import { linkTokenField, nameField, passwordField } from '../../../../server/accounts/fields.ts';
import { acceptInvitation, answeringEmailTaken } from '../../../../server/accounts/link-actions.ts';
import { failureResponse, signedInResponse } from '../../../../server/accounts/responses.ts';

const bodySchema = z.object({ token: linkTokenField, name: nameField, password: passwordField });

/** An invitation link: creates the invited teacher's account and signs it in. */
export async function POST(request: Request): Promise<Response> {
  const body = await readJsonBody(request, bodySchema);
  if (!body.ok) return body.response;
  const { token, ...details } = body.data;
  const result = await answeringEmailTaken(() => acceptInvitation(token, details));
  return result.ok ? signedInResponse(request, result.account) : failureResponse(result);
}
