import { readFileSync } from 'node:fs';

/** A process's resident set size now (bytes), from /proc (Linux). */
export function rssBytes(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = /^VmRSS:\s+(\d+) kB$/m.exec(status)?.[1];
  return kib === undefined ? 0 : Number(kib) * 1024;
}

/**
 * Samples another process's RSS every `everyMs` while `work` runs: its peak, and the peak's rise
 * over the RSS before `work` started (what the work itself cost in memory).
 */
export async function withPeakRss<T>(
  pid: number,
  work: () => Promise<T>,
  everyMs = 5,
): Promise<{ result: T; beforeBytes: number; peakBytes: number }> {
  const beforeBytes = rssBytes(pid);
  let peakBytes = beforeBytes;
  const timer = setInterval(() => {
    peakBytes = Math.max(peakBytes, rssBytes(pid));
  }, everyMs);
  try {
    const result = await work();
    peakBytes = Math.max(peakBytes, rssBytes(pid));
    return { result, beforeBytes, peakBytes };
  } finally {
    clearInterval(timer);
  }
}
