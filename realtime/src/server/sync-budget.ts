import { TokenBucket } from './rate-limiter.ts';

/**
 * Per session, the sync replies (whole views) this process sends, in tokens of
 * SYNC_BYTES_PER_TOKEN: enough for a class to catch up after a restart within seconds, too
 * little for hundreds of sockets syncing in a loop to take the process's time from answers.
 * Sessions are forgotten oldest first past `maxSessions` (memory bound).
 */
export class SyncBudget {
  private readonly buckets = new Map<string, TokenBucket>();
  private readonly perSecond: number;
  private readonly burst: number;
  private readonly clock: { now(): number };
  private readonly maxSessions: number;

  constructor(perSecond: number, burst: number, clock: { now(): number }, maxSessions = 10_000) {
    this.perSecond = perSecond;
    this.burst = burst;
    this.clock = clock;
    this.maxSessions = maxSessions;
  }

  private bucket(sessionId: string): TokenBucket {
    let bucket = this.buckets.get(sessionId);
    if (!bucket) {
      if (this.buckets.size >= this.maxSessions) {
        const oldest = this.buckets.keys().next().value;
        if (oldest !== undefined) this.buckets.delete(oldest);
      }
      bucket = new TokenBucket(this.perSecond, this.burst, this.clock);
      this.buckets.set(sessionId, bucket);
    }
    return bucket;
  }

  /** Whether the session may have another sync now (it takes one token). */
  allows(sessionId: string): boolean {
    return this.bucket(sessionId).take();
  }

  charge(sessionId: string, tokens: number): void {
    this.bucket(sessionId).charge(tokens);
  }
}
