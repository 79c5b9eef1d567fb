/**
 * A token bucket per key (a source address) with bounded memory: the least recently seen key is
 * dropped past `maxKeys` (it starts again with a full bucket, which only ever lets more through).
 */
export class TokenBucketPerKey {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();
  private readonly burst: number;
  private readonly perMs: number;
  private readonly maxKeys: number;

  constructor(burst: number, perMinute: number, maxKeys = 50_000) {
    this.burst = burst;
    this.perMs = perMinute / 60_000;
    this.maxKeys = maxKeys;
  }

  /** Takes one token for `key`; 0 when taken, else the milliseconds until one is there. */
  take(key: string, now = Date.now()): number {
    const bucket = this.buckets.get(key) ?? { tokens: this.burst, at: now };
    this.buckets.delete(key);
    bucket.tokens = Math.min(this.burst, bucket.tokens + (now - bucket.at) * this.perMs);
    bucket.at = now;
    this.buckets.set(key, bucket);
    if (this.buckets.size > this.maxKeys) this.buckets.delete(this.buckets.keys().next().value!);
    if (bucket.tokens < 1) return Math.ceil((1 - bucket.tokens) / this.perMs);
    bucket.tokens -= 1;
    return 0;
  }
}
