import type { PageTokenGrant, PageTokenRenewal } from '../page-token/grant.ts';

/** The page's metrics token, renewed before it expires. */
export interface TokenHolder {
  current(): string;
  /** False once the token has expired by this page's clock. */
  usable(): boolean;
  /** Renews now unless a renewal is running or a failed one is still backing off. */
  renewSoon(): void;
  /** Renews if its time has come (timers do not run in a sleeping laptop or a frozen tab). */
  renewIfDue(): void;
}

/** Never sooner than this after a failed renewal; doubling up to the maximum. */
const RETRY_MIN_MS = 15_000;
const RETRY_MAX_MS = 10 * 60_000;
const MAX_TOKEN_CHARS = 200;

function isGrant(value: unknown): value is PageTokenGrant {
  if (typeof value !== 'object' || value === null) return false;
  const { token, expiresInSeconds } = value as Partial<PageTokenGrant>;
  return (
    typeof token === 'string' &&
    token.length > 0 &&
    token.length <= MAX_TOKEN_CHARS &&
    typeof expiresInSeconds === 'number' &&
    expiresInSeconds > 0 &&
    expiresInSeconds <= 86_400
  );
}

/**
 * Holds the token the page was served with and renews it at a random point between half and
 * three quarters of its lifetime (so a school's pages, loaded together at 8 am, do not all come
 * back in the same second), through the web app's same-origin route. Times are this page's own
 * clock from when it got each token, so a device whose clock is wrong still renews in time.
 * `renewed` runs after a successful renewal (the reporter sends what it held back).
 */
export function startTokenRenewal(
  first: PageTokenGrant,
  refreshUrl: string | null,
  renewed: () => void,
): TokenHolder {
  let token = '';
  let expiresAt = 0;
  let renewAt = Infinity;
  let failures = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running = false;

  const schedule = (inMs: number) => {
    renewAt = performance.now() + inMs;
    if (timer !== undefined) clearTimeout(timer);
    timer = refreshUrl === null ? undefined : setTimeout(renew, inMs);
  };
  const adopt = (grant: PageTokenGrant) => {
    token = grant.token;
    const lifetimeMs = grant.expiresInSeconds * 1000;
    expiresAt = performance.now() + lifetimeMs;
    schedule(lifetimeMs * (0.5 + Math.random() * 0.25));
  };

  function renew(): void {
    if (refreshUrl === null || running || typeof fetch !== 'function') return;
    running = true;
    const body: PageTokenRenewal = { token };
    fetch(refreshUrl, {
      method: 'POST',
      body: JSON.stringify(body),
      cache: 'no-store',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json' },
    })
      .then((response) => (response.ok ? response.json() : null))
      .then((grant: unknown) => {
        if (!isGrant(grant)) throw new Error('no token');
        failures = 0;
        adopt(grant);
        renewed();
      })
      .catch(() => {
        // Offline, rate limited or the server refused: try again later, backing off.
        schedule(Math.min(RETRY_MIN_MS * 2 ** failures, RETRY_MAX_MS));
        failures += 1;
      })
      .finally(() => {
        running = false;
      });
  }

  if (isGrant(first)) adopt(first);
  return {
    current: () => token,
    usable: () => token !== '' && performance.now() < expiresAt,
    renewSoon() {
      if (performance.now() >= renewAt || failures === 0) renew();
    },
    renewIfDue() {
      if (performance.now() >= renewAt) renew();
    },
  };
}
