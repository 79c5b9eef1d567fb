import { json } from '../../../../../../server/api-response.ts';
import { passwordResetLink } from '../../../../../../server/accounts/admin.ts';
import { failureResponse } from '../../../../../../server/accounts/responses.ts';
import { requestOrigin } from '../../../../../../server/request-origin.ts';
import { adminRouteWithId } from '../../../../../../server/require-teacher.ts';

/** A one-time password-reset link for the account, to pass on to its teacher. */
export const POST = adminRouteWithId(async (admin, id, request) => {
  const result = await passwordResetLink(admin, requestOrigin(request), id);
  return result.ok ? json({ ok: true, ...result.value }, 201) : failureResponse(result);
});
