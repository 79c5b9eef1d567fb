import { json } from '../../../../server/api-response.ts';
import { accountsOverview } from '../../../../server/accounts/admin.ts';
import { requireAdmin } from '../../../../server/require-teacher.ts';

/** Every account with usage counts, the totals and the pending invitations. */
export async function GET(): Promise<Response> {
  const auth = await requireAdmin();
  if ('response' in auth) return auth.response;
  return json({ ok: true, ...(await accountsOverview()) });
}
