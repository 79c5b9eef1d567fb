import { z } from 'zod';
import { readJsonBody } from '../../../../../server/request-body.ts';
import { json } from '../../../../../server/api-response.ts';
import { updateAccount } from '../../../../../server/accounts/admin.ts';
import { roleField } from '../../../../../server/accounts/fields.ts';
import { failureResponse } from '../../../../../server/accounts/responses.ts';
import { adminRouteWithId } from '../../../../../server/require-teacher.ts';

const bodySchema = z
  .object({ disabled: z.boolean().optional(), role: roleField.optional() })
  .strict()
  .refine((b) => b.disabled !== undefined || b.role !== undefined, 'Say what to change.');

/** Disable or enable an account, or change its role. */
export const PATCH = adminRouteWithId(async (admin, id, request) => {
  const body = await readJsonBody(request, bodySchema);
  if (!body.ok) return body.response;
  const result = await updateAccount(admin, id, body.data);
  return result.ok ? json({ ok: true, account: result.value }) : failureResponse(result);
});
