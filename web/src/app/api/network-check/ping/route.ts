import { PING_HEADER, PING_HEADER_VALUE } from '../../../../lib/network-check/types.ts';

export const dynamic = 'force-dynamic';

/**
 * The network check's ping: proves this origin answers, and carries the server's clock (the page
 * compares it with the device's, corrected by half the round trip) and a header of ours (a proxy
 * that rebuilds responses tends to drop headers it does not know).
 */
export function GET(): Response {
  return Response.json(
    { ok: true, serverTime: Date.now() },
    {
      headers: {
        'cache-control': 'no-store, max-age=0',
        [PING_HEADER]: PING_HEADER_VALUE,
      },
    },
  );
}
