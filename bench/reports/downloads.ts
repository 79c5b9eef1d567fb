import { withPeakRss } from './memory-sampler.ts';

export interface TimedDownload {
  status: number;
  bytes: number;
  /** CRLF and LF line ends counted as the body streamed by (rows of a CSV). */
  lines: number;
  firstByteMs: number;
  totalMs: number;
  /** The server process's RSS before the request, and its peak while it was answered. */
  beforeBytes: number;
  peakBytes: number;
}

/**
 * GETs `url` as the signed-in teacher and reads the body to its end without keeping it (the
 * bench's own memory stays out of the figures), timing the first byte and the last.
 */
export async function timeDownload(
  url: string,
  cookie: string,
  pid: number,
): Promise<TimedDownload> {
  const { result, beforeBytes, peakBytes } = await withPeakRss(pid, async () => {
    const started = performance.now();
    const response = await fetch(url, { headers: { cookie } });
    let firstByteMs = Number.NaN;
    let bytes = 0;
    let lines = 0;
    const reader = response.body!.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (Number.isNaN(firstByteMs)) firstByteMs = performance.now() - started;
      bytes += value.byteLength;
      for (let i = 0; i < value.length; i++) if (value[i] === 10) lines++;
    }
    return {
      status: response.status,
      bytes,
      lines,
      firstByteMs,
      totalMs: performance.now() - started,
    };
  });
  return { ...result, beforeBytes, peakBytes };
}
