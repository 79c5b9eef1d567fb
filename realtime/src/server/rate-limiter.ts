/**
 * Token bucket: `burst` messages at once, refilled at `perSecond`. One per socket, so a noisy
 * client slows only itself (never per IP: a whole school shares one address).
 */
export class TokenBucket {
  private readonly perSecond: number;
  private readonly burst: number;
  private readonly clock: { now(): number };
  private tokens: number;
  private updatedAt: number;

  constructor(perSecond: number, burst: number, clock: { now(): number }) {
    this.perSecond = perSecond;
    this.burst = burst;
    this.clock = clock;
    this.tokens = burst;
    this.updatedAt = clock.now();
  }

  take(): boolean {
    this.refill();
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }

  /**
   * Charges `cost` more after the fact (a reply much larger than its request): the bucket may go
   * into debt, down to one burst below empty, and refuses until it has refilled.
   */
  charge(cost: number): void {
    this.refill();
    this.tokens = Math.max(-this.burst, this.tokens - cost);
  }

  private refill(): void {
    const now = this.clock.now();
    this.tokens = Math.min(
      this.burst,
      this.tokens + ((now - this.updatedAt) / 1000) * this.perSecond,
    );
    this.updatedAt = now;
  }
}
