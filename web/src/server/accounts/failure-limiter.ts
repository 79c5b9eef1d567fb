/**
 * Counts failures per key in a sliding window and says when a key has had too many. Sign-in uses
 * one per account and one per source address; only failures count, so a school's teachers
 * signing in behind one address are never held up by their own successes.
 */
export interface FailureLimiter {
  /** Milliseconds until the key may try again; 0 when it may now. */
  retryAfterMs(key: string, now?: number): number;
  recordFailure(key: string, now?: number): void;
  reset(key: string): void;
}

export function createFailureLimiter(options: {
  maxFailures: number;
  windowMs: number;
  /** Keys tracked at most; the oldest are dropped first (bounded memory under a spray). */
  maxKeys?: number;
}): FailureLimiter {
  const failures = new Map<string, number[]>();
  const maxKeys = options.maxKeys ?? 50_000;
  const recent = (key: string, now: number) =>
    (failures.get(key) ?? []).filter((t) => now - t < options.windowMs);

  return {
    retryAfterMs(key, now = Date.now()) {
      const times = recent(key, now);
      if (times.length < options.maxFailures) return 0;
      return options.windowMs - (now - times[times.length - options.maxFailures]!);
    },
    recordFailure(key, now = Date.now()) {
      const times = recent(key, now);
      times.push(now);
      failures.delete(key);
      failures.set(key, times.slice(-options.maxFailures));
      if (failures.size > maxKeys) failures.delete(failures.keys().next().value!);
    },
    reset(key) {
      failures.delete(key);
    },
  };
}
