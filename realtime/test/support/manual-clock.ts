import type { Clock } from '../../src/server/index.ts';

/**
 * A clock the test moves by hand: server deadlines, presence and eviction timers fire on
 * `advance`, not after real waiting. socket.io's own timers still use real time.
 */
export class ManualClock implements Clock {
  private time = 1_800_000_000_000;
  private nextId = 1;
  private readonly timers = new Map<number, { at: number; fn: () => void }>();

  now(): number {
    return this.time;
  }

  setTimeout(fn: () => void, ms: number): NodeJS.Timeout {
    const id = this.nextId++;
    this.timers.set(id, { at: this.time + Math.max(0, ms), fn });
    return { id, unref() {}, ref() {}, hasRef: () => false } as unknown as NodeJS.Timeout;
  }

  clearTimeout(handle: NodeJS.Timeout): void {
    this.timers.delete((handle as unknown as { id: number }).id);
  }

  /** Moves time forward, firing due timers in order (including ones they schedule). */
  advance(ms: number): void {
    const target = this.time + ms;
    for (;;) {
      const due = [...this.timers.entries()]
        .filter(([, t]) => t.at <= target)
        .sort((a, b) => a[1].at - b[1].at)[0];
      if (!due) break;
      this.timers.delete(due[0]);
      this.time = Math.max(this.time, due[1].at);
      due[1].fn();
    }
    this.time = target;
  }
}
