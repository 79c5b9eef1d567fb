import { apiError, json } from '../../../../server/api-response.ts';
import { webConfig } from '../../../../server/config.ts';
import { networkCheckToken } from '../../../../server/network-check.ts';

export const dynamic = 'force-dynamic';

/**
 * A token for the network check's connections to the realtime tier. Why a token at all: without
 * one the tier refuses the socket.io handshake, so the page could prove only that engine.io's
 * transport opened, not that a session's connection works end to end (connect, then a `ping`
 * answered through the protocol, which is what we time). The token is the probe role (connect
 * and ping, nothing else, no session), short-lived, and anyone may have one: it grants less than
 * a join code does. Without a token secret the page still checks the transport (see the page).
 */
export async function POST(): Promise<Response> {
  const token = await networkCheckToken(webConfig());
  if (!token)
    return apiError(503, 'unavailable', 'This server cannot sign realtime tokens (no secret).');
  return json({ ok: true, token });
}
