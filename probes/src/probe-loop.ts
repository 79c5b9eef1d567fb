import type { Logger } from 'pino';
import type { Check, CheckContext } from './check.ts';

export interface ProbeLoopOptions {
  intervalMs: number;
  jitterMs: number;
  maxConcurrency: number;
  context: CheckContext;
  logger: Logger;
  random?: () => number;
  now?: () => number;
  /** After each tick of a check (tests wait on it; the server marks the loop alive). */
  onTick?: (check: Check) => void;
}

/**
 * Runs every check on its own schedule: the next tick starts an interval (plus random jitter,
 * so regions do not beat in step) after the previous one started, never while it is still
 * running, and at most `maxConcurrency` checks run at once. A check's failure is its own; the
 * loop never stops on one.
 */
export class ProbeLoop {
  private readonly timers = new Map<Check, ReturnType<typeof setTimeout>>();
  private readonly running = new Map<Check, Promise<void>>();
  private readonly waiting: Array<() => void> = [];
  private active = 0;
  private stopped = false;
  private lastActivity: number;
  private readonly checks: readonly Check[];
  private readonly options: ProbeLoopOptions;

  constructor(checks: readonly Check[], options: ProbeLoopOptions) {
    this.checks = checks;
    this.options = options;
    this.lastActivity = this.now();
  }

  start(): void {
    for (const check of this.checks) this.schedule(check, this.jitter());
  }

  /** Alive: something started or finished within three intervals (phases have timeouts). */
  alive(): boolean {
    if (this.stopped) return false;
    if (this.checks.length === 0) return true;
    return this.now() - this.lastActivity <= 3 * (this.options.intervalMs + this.options.jitterMs);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    for (const release of this.waiting.splice(0)) release();
    await Promise.allSettled(this.running.values());
  }

  private now(): number {
    return (this.options.now ?? Date.now)();
  }

  private jitter(): number {
    return Math.floor((this.options.random ?? Math.random)() * this.options.jitterMs);
  }

  private schedule(check: Check, delayMs: number): void {
    if (this.stopped) return;
    this.timers.set(
      check,
      setTimeout(() => void this.tick(check), Math.max(0, delayMs)),
    );
  }

  private async tick(check: Check): Promise<void> {
    if (this.stopped || this.running.has(check)) return;
    const started = this.now();
    const run = (async () => {
      await this.acquire();
      try {
        if (this.stopped) return;
        this.lastActivity = this.now();
        await check.tick(this.options.context);
      } catch (error) {
        // A check records its own failures; anything escaping it is ours to log.
        this.options.logger.error({ err: error, check: check.kind }, 'probe check threw');
      } finally {
        this.release();
        this.lastActivity = this.now();
      }
    })();
    this.running.set(check, run);
    await run;
    this.running.delete(check);
    this.options.onTick?.(check);
    const elapsed = this.now() - started;
    this.schedule(check, this.options.intervalMs - elapsed + this.jitter());
  }

  private acquire(): Promise<void> {
    if (this.active < this.options.maxConcurrency) {
      this.active += 1;
      return Promise.resolve();
    }
    return new Promise((resolve) =>
      this.waiting.push(() => {
        this.active += 1;
        resolve();
      }),
    );
  }

  private release(): void {
    this.active -= 1;
    this.waiting.shift()?.();
  }
}
