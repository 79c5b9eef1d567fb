import type { PageTokenGrant, PageTokenRenewal } from '../page-token/grant.ts';

/** The page's metrics token, renewed before it expires. */
export interface TokenHolder {
  current(): string;
  /** False once the token has expired by this page's clock. */
  usable(): boolean;
  /**
   * Renews if its time has come (timers do not run in a sleeping laptop or a frozen tab), or,
   * with `expired`, also when no failed renewal is still backing off.
   */
  renew(expired?: boolean): void;
}

/** After a failed renewal, wait this long, doubling up to ten minutes. */
const RETRY_MS = 15_000;

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
  let renewAt = 0;
  let failures = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running = false;
  const now = () => performance.now();

  const schedule = (inMs: number) => {
    renewAt = now() + inMs;
    clearTimeout(timer);
    timer = setTimeout(renew, inMs);
  };
  const adopt = (grant: PageTokenGrant | null) => {
    // Whatever the server answers, only a string and a lifetime within a day are taken.
    const lifetimeMs = (grant?.expiresInSeconds ?? 0) * 1000;
    if (typeof grant?.token !== 'string' || !(lifetimeMs > 0 && lifetimeMs <= 864e5)) throw Error();
    token = grant.token.slice(0, 200);
    expiresAt = now() + lifetimeMs;
    failures = 0;
    schedule(lifetimeMs * (0.5 + Math.random() / 4));
  };

  function renew(): void {
    if (refreshUrl === null || running) return;
    running = true;
    const body: PageTokenRenewal = { token };
    // A POST is never cached; text/plain needs no preflight (the route reads JSON either way).
    fetch(refreshUrl, { method: 'POST', body: JSON.stringify(body) })
      .then((response) => response.json() as Promise<PageTokenGrant>)
      .then((grant) => {
        adopt(grant);
        renewed();
      })
      .catch(() => {
        // Offline, rate limited or refused: try again later, backing off.
        schedule(Math.min(RETRY_MS * 2 ** failures++, 6e5));
      })
      .finally(() => (running = false));
  }

  try {
    adopt(first);
  } catch {
    // Served without a usable token: the first flush asks for one.
  }
  return {
    current: () => token,
    usable: () => now() < expiresAt,
    renew: (expired) => {
      if (now() >= renewAt || (expired && failures === 0)) renew();
    },
  };
}
