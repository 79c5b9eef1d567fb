/**
 * The address a request came from, for per-source limits: the last X-Forwarded-For entry, the
 * one our own front (the embedded launcher, or the ingress) wrote; entries a client adds itself
 * come before it.
 */
export function requestSource(request: { headers: Pick<Headers, 'get'> }): string {
  const forwarded = request.headers.get('x-forwarded-for');
  return forwarded?.split(',').at(-1)?.trim() || 'unknown';
}
