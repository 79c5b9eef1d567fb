import type { ProbeFailureReason } from '@classpulse/metrics-aggregator/catalog';

/** A phase that failed, with the closed-set reason the metrics carry. */
export class ProbeFailure extends Error {
  override name = 'ProbeFailure';
  readonly phase: string;
  readonly reason: ProbeFailureReason;

  constructor(phase: string, reason: ProbeFailureReason, message: string) {
    super(message);
    this.phase = phase;
    this.reason = reason;
  }
}

/** An HTTP answer other than the one expected. */
export class HttpStatusError extends Error {
  override name = 'HttpStatusError';
  readonly status: number;

  constructor(status: number) {
    super(`HTTP ${status}`);
    this.status = status;
  }
}

/** Maps what went wrong to a reason; the message goes to the log, never to a label. */
export function reasonOf(error: unknown): ProbeFailureReason {
  if (error instanceof ProbeFailure) return error.reason;
  if (error instanceof HttpStatusError) return 'http_status';
  const e = error as { name?: string; code?: string; message?: string; cause?: unknown } | null;
  const code = `${e?.code ?? ''} ${(e?.cause as { code?: string } | undefined)?.code ?? ''}`;
  const text = `${e?.name ?? ''} ${code} ${e?.message ?? ''}`;
  if (/TimeoutError|AbortError|ETIMEDOUT|timed out/i.test(text)) return 'timeout';
  if (/ECONNREFUSED|ECONNRESET|EPIPE|socket hang up|other side closed/i.test(text))
    return 'connection_refused';
  if (/ENOTFOUND|EAI_AGAIN/i.test(text)) return 'dns';
  if (/CERT_|ERR_TLS|SSL|self[- ]signed/i.test(text)) return 'tls';
  if (/PERMISSION_DENIED|permission_denied/i.test(text)) return 'permission_denied';
  if (/auth\/|invalid[-_ ]token|unauthori[sz]ed|credential/i.test(text)) return 'auth';
  return 'unknown';
}
