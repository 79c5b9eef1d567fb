/**
 * What a page holds to report metrics, as the web app hands it over (embedded in the served page,
 * or answered by its renewal route). Types only, so the browser reporter pays nothing for it.
 */
export interface PageTokenGrant {
  /** Opaque to the page: sent as the beacon's `t`. */
  token: string;
  /** Seconds the token is good for from when the page got it (the page times its renewal by its own clock). */
  expiresInSeconds: number;
}

/**
 * The renewal request's body (POST, JSON): the token the page holds, if any. A genuine one, even
 * expired, keeps its page id, so "once per page" events stay once across renewals.
 */
export interface PageTokenRenewal {
  token?: string;
}
