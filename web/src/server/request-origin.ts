/**
 * The origin a browser used to reach us: behind the ingress its forwarded headers, else the Host
 * header. Links we hand out (setup, invitations) start with it.
 */
export function requestOrigin(request: Request): string {
  const url = new URL(request.url);
  const proto =
    request.headers.get('x-forwarded-proto')?.split(',')[0]?.trim() ?? url.protocol.slice(0, -1);
  const host =
    request.headers.get('x-forwarded-host')?.split(',')[0]?.trim() ??
    request.headers.get('host') ??
    url.host;
  return `${proto === 'https' ? 'https' : 'http'}://${host}`;
}

/**
 * Whether a state-changing request comes from our own pages. Browsers send `Origin` with every
 * POST/PUT/PATCH/DELETE (and `Sec-Fetch-Site`); a request from another site is refused. A client
 * that sends neither is not a browser and carries no one's cookies by accident.
 */
export function sameOriginMutation(headers: Headers): boolean {
  const origin = headers.get('origin');
  if (origin === null) {
    const site = headers.get('sec-fetch-site');
    return site === null || site === 'same-origin' || site === 'none';
  }
  if (origin === 'null') return false;
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    return false;
  }
  const ours = [headers.get('x-forwarded-host')?.split(',')[0]?.trim(), headers.get('host')];
  return ours.some((h) => h && h.toLowerCase() === host.toLowerCase());
}
