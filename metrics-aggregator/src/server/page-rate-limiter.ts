export interface PageRateLimiterOptions {
  eventsPerSecond: number;
  burst: number;
  maxPages: number;
  now: () => number;
}

/** One reporting page's state: its token bucket and the "once per page" slots it has used. */
export interface TrackedPage {
  tokens: number;
  /** When `tokens` was last refilled (ms). */
  at: number;
  /** The latest expiry (ms) of a token of this page seen so far. */
  expiresAt: number;
  /** Bit `slot` is set once its "once per page" event has been counted (see once-per-page.ts). */
  once: number;
}

/**
 * A token bucket per reporting page, keyed by the page id of its verified token (never per IP: a
 * whole school reports from one address), which also remembers the page's "once per page"
 * events. Memory is bounded: a page is forgotten once its bucket would be full again and it has
 * nothing to remember (or its token has expired), and past `maxPages` the least recently seen
 * page is dropped (it simply starts afresh).
 */
export class PageRateLimiter {
  private readonly pages = new Map<string, TrackedPage>();
  private lastSweep = 0;
  private readonly options: PageRateLimiterOptions;

  constructor(options: PageRateLimiterOptions) {
    this.options = options;
  }

  /** The page's state, refilled to now and marked as most recently seen. */
  enter(pageId: string, expiresAt: number): TrackedPage {
    const now = this.options.now();
    this.sweep(now);
    const { eventsPerSecond, burst } = this.options;
    let page = this.pages.get(pageId);
    if (page) {
      // Least recently used first: re-inserting moves it to the end of the Map's order.
      this.pages.delete(pageId);
      page.tokens = Math.min(burst, page.tokens + ((now - page.at) / 1000) * eventsPerSecond);
      page.at = now;
      if (expiresAt > page.expiresAt) page.expiresAt = expiresAt;
    } else {
      if (this.pages.size >= this.options.maxPages) {
        const oldest = this.pages.keys().next();
        if (!oldest.done) this.pages.delete(oldest.value);
      }
      page = { tokens: burst, at: now, expiresAt, once: 0 };
    }
    this.pages.set(pageId, page);
    return page;
  }

  /** Takes up to `wanted` tokens from the page's bucket; returns how many events may pass. */
  take(page: TrackedPage, wanted: number): number {
    const granted = Math.max(0, Math.min(wanted, Math.floor(page.tokens)));
    page.tokens -= granted;
    return granted;
  }

  /** True the first time `slot` is claimed for this page, false after. */
  claimOnce(page: TrackedPage, slot: number): boolean {
    const bit = 1 << slot;
    if ((page.once & bit) !== 0) return false;
    page.once |= bit;
    return true;
  }

  get size(): number {
    return this.pages.size;
  }

  /** At most once per refill period: forget pages whose bucket is full again and owe nothing. */
  private sweep(now: number): void {
    const { eventsPerSecond, burst } = this.options;
    const refillMs = (burst / eventsPerSecond) * 1000;
    if (now - this.lastSweep < Math.min(refillMs, 60_000)) return;
    this.lastSweep = now;
    for (const [pageId, page] of this.pages)
      if (
        page.tokens + ((now - page.at) / 1000) * eventsPerSecond >= burst &&
        (page.once === 0 || page.expiresAt < now)
      )
        this.pages.delete(pageId);
  }
}
