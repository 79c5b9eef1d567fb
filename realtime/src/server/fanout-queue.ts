/**
 * Runs broadcast flushes a slice at a time. When many sessions flush together (48 teachers of a
 * school moving on in the same second, their classes' public views due on the same timer tick),
 * doing them all in one macrotask held the event loop, and every acknowledgement behind it, for
 * 50–120 ms. Each turn here runs flushes for at most `sliceMs`, then yields with `setImmediate`,
 * so the answers and the writer's replies that arrived meanwhile are served between slices.
 * Flushes still run in the order they were queued, each within a turn or a few of being due.
 */
export class FanoutQueue {
  private readonly sliceMs: number;
  private tasks: Array<() => void> = [];
  private next = 0;
  private scheduled = false;

  constructor(sliceMs: number) {
    this.sliceMs = sliceMs;
  }

  add(task: () => void): void {
    this.tasks.push(task);
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(this.drain);
  }

  private readonly drain = (): void => {
    const until = performance.now() + this.sliceMs;
    try {
      do this.tasks[this.next++]!();
      while (this.next < this.tasks.length && performance.now() < until);
    } finally {
      if (this.next < this.tasks.length) {
        // Under steady load the queue may never empty: drop what already ran now and then.
        if (this.next >= 1024) {
          this.tasks = this.tasks.slice(this.next);
          this.next = 0;
        }
        setImmediate(this.drain);
      } else {
        this.tasks = [];
        this.next = 0;
        this.scheduled = false;
      }
    }
  };
}
