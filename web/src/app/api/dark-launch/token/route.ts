import { apiError, json } from '../../../../server/api-response.ts';
import { webConfig } from '../../../../server/config.ts';
import { shadowToken } from '../../../../server/realtime-tokens.ts';

const TTL_SECONDS = 900;

/**
 * Firebase mode's dark launch: a token for a student page's shadow connection to the realtime
 * tier. Its role may only connect and ping; it names nobody and opens no session, so anyone
 * may have one (the tier counts and rate-limits its sockets like any other).
 */
export async function POST(): Promise<Response> {
  if (!webConfig().firebase)
    return apiError(404, 'not_found', 'There is no dark launch in this deployment.');
  return json({ ok: true, token: await shadowToken(TTL_SECONDS), expiresInSeconds: TTL_SECONDS });
}
