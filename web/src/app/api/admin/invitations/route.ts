import { z } from 'zod';
import { readJsonBody } from '../../../../server/request-body.ts';
import { json } from '../../../../server/api-response.ts';
import { inviteTeacher } from '../../../../server/accounts/admin.ts';
import { emailField, roleField } from '../../../../server/accounts/fields.ts';
import { failureResponse } from '../../../../server/accounts/responses.ts';
import { requestOrigin } from '../../../../server/request-origin.ts';
import { requireAdmin } from '../../../../server/require-teacher.ts';

const bodySchema = z.object({ email: emailField, role: roleField.default('teacher') });

/** An admin invites a teacher: the answer holds the one-time link to pass on. */
export async function POST(request: Request): Promise<Response> {
  const auth = await requireAdmin();
  if ('response' in auth) return auth.response;
  const body = await readJsonBody(request, bodySchema);
  if (!body.ok) return body.response;
  const result = await inviteTeacher(
    auth.account,
    requestOrigin(request),
    body.data.email,
    body.data.role,
  );
  return result.ok ? json({ ok: true, ...result.value }, 201) : failureResponse(result);
}
