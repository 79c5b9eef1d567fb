import { apiError, json } from '../../../../../server/api-response.ts';
import { revokeInvitation } from '../../../../../server/accounts/admin.ts';
import { adminRouteWithId } from '../../../../../server/require-teacher.ts';

/** Revokes a pending invitation: its link stops working. */
export const DELETE = adminRouteWithId(async (_admin, id) =>
  (await revokeInvitation(id))
    ? json({ ok: true })
    : apiError(404, 'not_found', 'This invitation is not pending.'),
);
