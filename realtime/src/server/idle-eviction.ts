import type { Clock } from './clock.ts';
import type { LiveSession } from './live-session.ts';

/**
 * A session leaves memory `idleMs` after its last socket left (and its writes settled); a socket
 * that connects again in time keeps it.
 */
export class IdleEviction {
  private readonly clock: Clock;
  private readonly idleMs: number;
  private readonly evict: (live: LiveSession) => void;

  constructor(clock: Clock, idleMs: number, evict: (live: LiveSession) => void) {
    this.clock = clock;
    this.idleMs = idleMs;
    this.evict = evict;
  }

  /** A socket of this session connected. */
  attach(live: LiveSession): void {
    live.sockets += 1;
    this.cancel(live);
  }

  detach(live: LiveSession): void {
    live.sockets = Math.max(0, live.sockets - 1);
    if (live.sockets === 0) this.schedule(live);
  }

  schedule(live: LiveSession): void {
    if (live.evictTimer) this.clock.clearTimeout(live.evictTimer);
    live.evictTimer = this.clock.setTimeout(() => {
      live.evictTimer = null;
      if (live.sockets > 0) return;
      if (live.pendingWrites > 0) return this.schedule(live);
      this.evict(live);
    }, this.idleMs);
    live.evictTimer.unref?.();
  }

  cancel(live: LiveSession): void {
    if (live.evictTimer) this.clock.clearTimeout(live.evictTimer);
    live.evictTimer = null;
  }
}
