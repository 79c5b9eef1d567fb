/**
 * Delivers one beacon body. `navigator.sendBeacon` first: it survives the page unloading and,
 * with a string body (text/plain), needs no CORS preflight. When the browser refuses (no API,
 * its queue full), `fetch` with `keepalive`, at most two in flight. Resolves to false when the
 * events did not get out and may be tried again; never rejects.
 */
let inFlight = 0;

export function sendBody(endpoint: string, body: string): Promise<boolean> {
  try {
    if (typeof navigator.sendBeacon === 'function' && navigator.sendBeacon(endpoint, body))
      return Promise.resolve(true);
  } catch {
    // Some browsers throw on a cross-origin or oversized beacon: fall through to fetch.
  }
  if (typeof fetch !== 'function' || inFlight >= 2) return Promise.resolve(false);
  inFlight += 1;
  return fetch(endpoint, {
    method: 'POST',
    body,
    keepalive: true,
    credentials: 'omit',
    headers: { 'content-type': 'text/plain' },
  })
    .then(
      // 4xx means the aggregator looked and refused: sending it again would not help.
      (response) => response.status < 500,
      () => false,
    )
    .finally(() => {
      inFlight -= 1;
    });
}
