import { json } from '../../../../server/api-response.ts';
import { readJsonBody } from '../../../../server/request-body.ts';
import { requireAdmin } from '../../../../server/require-teacher.ts';
import {
  changeRetentionPolicy,
  retentionPolicy,
  retentionPolicySchema,
} from '../../../../server/retention.ts';

/** The deployment's retention policy. */
export async function GET(): Promise<Response> {
  const auth = await requireAdmin();
  if ('response' in auth) return auth.response;
  return json({ ok: true, policy: await retentionPolicy() });
}

/** An admin changes the retention policy (audited). */
export async function PUT(request: Request): Promise<Response> {
  const auth = await requireAdmin();
  if ('response' in auth) return auth.response;
  const body = await readJsonBody(request, retentionPolicySchema);
  if (!body.ok) return body.response;
  return json({ ok: true, policy: await changeRetentionPolicy(auth.account.id, body.data) });
}
