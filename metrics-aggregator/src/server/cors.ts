import type { IncomingMessage, ServerResponse } from 'node:http';

export type CorsVerdict = 'no-origin' | 'allowed' | 'denied';

/**
 * CORS for the beacon endpoint. Allowed origins get their origin echoed on every answer,
 * errors included, so a page's fetch can read why it failed. A request without Origin (curl,
 * a server) is not a browser's cross-origin request and passes.
 */
export function applyCors(
  allowed: '*' | readonly string[],
  req: IncomingMessage,
  res: ServerResponse,
): CorsVerdict {
  const origin = req.headers.origin;
  if (allowed === '*') {
    if (origin === undefined) return 'no-origin';
    res.setHeader('Access-Control-Allow-Origin', '*');
    return 'allowed';
  }
  // The answer depends on the origin: caches must keep one per origin.
  res.setHeader('Vary', 'Origin');
  if (origin === undefined) return 'no-origin';
  if (!allowed.includes(origin)) return 'denied';
  res.setHeader('Access-Control-Allow-Origin', origin);
  return 'allowed';
}

/** The preflight answer for `Content-Type: application/json` beacons (text/plain needs none). */
export function answerPreflight(res: ServerResponse): void {
  res.writeHead(204, {
    'Access-Control-Allow-Methods': 'POST, OPTIONS',
    'Access-Control-Allow-Headers': 'Content-Type',
    'Access-Control-Max-Age': '86400',
  });
  res.end();
}
