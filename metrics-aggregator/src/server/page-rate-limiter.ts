export interface PageRateLimiterOptions {
  eventsPerSecond: number;
  burst: number;
  maxPages: number;
  now: () => number;
}

/**
 * A token bucket per reporting page (the beacon's random `sid`). Per page rather than per IP:
 * a whole school reports from one address. Memory is bounded: buckets idle long enough to be
 * full again are swept, and past `maxPages` the oldest bucket is dropped (a dropped page simply
 * starts with a full bucket again).
 */
export class PageRateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();
  private lastSweep = 0;
  private readonly options: PageRateLimiterOptions;

  constructor(options: PageRateLimiterOptions) {
    this.options = options;
  }

  /** Takes up to `wanted` tokens for `page`; returns how many events may pass. */
  take(page: string, wanted: number): number {
    const now = this.options.now();
    this.sweep(now);
    const { eventsPerSecond, burst } = this.options;
    let bucket = this.buckets.get(page);
    if (!bucket) {
      if (this.buckets.size >= this.options.maxPages) {
        const oldest = this.buckets.keys().next();
        if (!oldest.done) this.buckets.delete(oldest.value);
      }
      bucket = { tokens: burst, at: now };
      this.buckets.set(page, bucket);
    } else {
      bucket.tokens = Math.min(burst, bucket.tokens + ((now - bucket.at) / 1000) * eventsPerSecond);
      bucket.at = now;
    }
    const granted = Math.max(0, Math.min(wanted, Math.floor(bucket.tokens)));
    bucket.tokens -= granted;
    return granted;
  }

  get size(): number {
    return this.buckets.size;
  }

  /** At most once per refill period: forget pages whose bucket would be full by now. */
  private sweep(now: number): void {
    const refillMs = (this.options.burst / this.options.eventsPerSecond) * 1000;
    if (now - this.lastSweep < Math.min(refillMs, 60_000)) return;
    this.lastSweep = now;
    for (const [page, bucket] of this.buckets)
      if (
        bucket.tokens + ((now - bucket.at) / 1000) * this.options.eventsPerSecond >=
        this.options.burst
      )
        this.buckets.delete(page);
  }
}
