/**
 * Token bucket: `burst` messages at once, refilled at `perSecond`. One per socket, so a noisy
 * client slows only itself (never per IP: a whole school shares one address).
 */
export class TokenBucket {
  private tokens: number;
  private updatedAt: number;

  constructor(
    private readonly perSecond: number,
    private readonly burst: number,
    private readonly clock: { now(): number },
  ) {
    this.tokens = burst;
    this.updatedAt = clock.now();
  }

  take(): boolean {
    const now = this.clock.now();
    this.tokens = Math.min(
      this.burst,
      this.tokens + ((now - this.updatedAt) / 1000) * this.perSecond,
    );
    this.updatedAt = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}
