import { z } from 'zod';
import { readJsonBody } from '../../../../server/request-body.ts';
import { apiError, json } from '../../../../server/api-response.ts';
import { linkTokenField } from '../../../../server/accounts/fields.ts';
import { inspectLink } from '../../../../server/accounts/link-actions.ts';

const bodySchema = z.object({
  purpose: z.enum(['setup', 'invitation', 'password-reset']),
  token: linkTokenField,
});

/** What a one-time link's page shows (the invited address), without using the link up. */
export async function POST(request: Request): Promise<Response> {
  const body = await readJsonBody(request, bodySchema);
  if (!body.ok) return body.response;
  const link = await inspectLink(body.data.token, body.data.purpose);
  if (!link)
    return apiError(
      410,
      'link_used_or_expired',
      'This link has been used or has expired. Ask for a new one.',
    );
  return json({ ok: true, ...link });
}
