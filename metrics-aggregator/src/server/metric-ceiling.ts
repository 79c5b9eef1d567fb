export interface MetricCeilingOptions {
  /** Events per second each catalog metric takes at most, across every client. */
  eventsPerSecond: number;
  burst: number;
}

interface Bucket {
  tokens: number;
  at: number;
}

/**
 * A token bucket per catalog metric shared by all clients: however many valid page tokens a
 * client collects, it cannot move one metric faster than this (per aggregator replica), so a
 * flood shows as `metric_ceiling` drops rather than as a business number. One bucket per metric
 * made up front: O(1) per event, memory fixed by the catalog.
 */
export class MetricCeiling {
  private readonly buckets = new Map<string, Bucket>();
  private readonly options: MetricCeilingOptions;

  constructor(metricNames: readonly string[], options: MetricCeilingOptions, startMs: number) {
    this.options = options;
    for (const name of metricNames) this.buckets.set(name, { tokens: options.burst, at: startMs });
  }

  /** Takes one event of `metric` at `now` (ms); false when the metric is over its ceiling. */
  admit(metric: string, now: number): boolean {
    const bucket = this.buckets.get(metric);
    if (!bucket) return false;
    if (now > bucket.at) {
      bucket.tokens = Math.min(
        this.options.burst,
        bucket.tokens + ((now - bucket.at) / 1000) * this.options.eventsPerSecond,
      );
      bucket.at = now;
    }
    if (bucket.tokens < 1) return false;
    bucket.tokens -= 1;
    return true;
  }
}
