/**
 * Conversions wait their turn: at most `concurrency` run at once and at most `queueMax` wait, so
 * a burst of imports neither starves a live class of CPU nor piles up without bound. Waiting
 * tasks learn their place in line as it changes.
 */
export class QueueFullError extends Error {
  constructor() {
    super('queue_full');
  }
}

interface Waiting {
  start: () => void;
  onPosition?: (position: number) => void;
}

export class ConversionQueue {
  private running = 0;
  private readonly waiting: Waiting[] = [];
  private readonly concurrency: number;
  private readonly queueMax: number;

  constructor(concurrency: number, queueMax: number) {
    this.concurrency = concurrency;
    this.queueMax = queueMax;
  }

  get size(): { running: number; waiting: number } {
    return { running: this.running, waiting: this.waiting.length };
  }

  async run<T>(task: () => Promise<T>, onPosition?: (position: number) => void): Promise<T> {
    if (this.running >= this.concurrency) {
      if (this.waiting.length >= this.queueMax) throw new QueueFullError();
      await new Promise<void>((start) => {
        this.waiting.push({ start, onPosition });
        onPosition?.(this.waiting.length);
      });
      // The finishing task handed its slot over: `running` already counts this one.
    } else this.running++;
    try {
      return await task();
    } finally {
      const next = this.waiting.shift();
      if (next) {
        this.waiting.forEach((w, i) => w.onPosition?.(i + 1));
        next.start();
      } else this.running--;
    }
  }
}
