/**
 * Runs broadcast flushes a slice at a time. When many sessions flush together (48 teachers of a
 * school moving on in the same second, their classes' public views due on the same timer tick),
 * doing them all in one macrotask held the event loop, and every acknowledgement behind it, for
 * 50–120 ms. Each turn here runs flushes for at most `sliceMs`, then yields with `setImmediate`,
 * so the answers and the writer's replies that arrived meanwhile are served between slices.
 *
 * Two lanes: a 'first' task (a teacher's delta: one or two sockets, and what the teacher waits
 * to see) runs before any 'later' one (a class's public view, written to every student), so a
 * school's slide changes never queue the teachers' answers behind them. Within a lane, tasks run
 * in the order they were added.
 */
export type FanoutLane = 'first' | 'later';

class Lane {
  private tasks: Array<() => void> = [];
  private next = 0;

  get empty(): boolean {
    return this.next >= this.tasks.length;
  }

  push(task: () => void): void {
    this.tasks.push(task);
  }

  /** Runs the oldest task (the lane is not empty). */
  runOne(): void {
    const task = this.tasks[this.next]!;
    this.tasks[this.next++] = noop;
    task();
  }

  /** Forgets what already ran: under steady load a lane may never empty. */
  compact(): void {
    if (this.empty) {
      this.tasks = [];
      this.next = 0;
    } else if (this.next >= 1024) {
      this.tasks = this.tasks.slice(this.next);
      this.next = 0;
    }
  }
}

const noop = (): void => {};

export class FanoutQueue {
  private readonly sliceMs: number;
  private readonly first = new Lane();
  private readonly later = new Lane();
  private scheduled = false;

  constructor(sliceMs: number) {
    this.sliceMs = sliceMs;
  }

  add(task: () => void, lane: FanoutLane = 'later'): void {
    (lane === 'first' ? this.first : this.later).push(task);
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(this.drain);
  }

  private readonly drain = (): void => {
    const until = performance.now() + this.sliceMs;
    try {
      do (this.first.empty ? this.later : this.first).runOne();
      while (!(this.first.empty && this.later.empty) && performance.now() < until);
    } finally {
      this.first.compact();
      this.later.compact();
      if (this.first.empty && this.later.empty) this.scheduled = false;
      else setImmediate(this.drain);
    }
  };
}
