import type { AllowRule } from './types.ts';

/** How long one network attempt of a check may take before it counts as "no answer". */
export const ATTEMPT_TIMEOUT_MS = 10_000;
/** A failure sooner than this was an immediate refusal rather than a slow one. */
export const IMMEDIATE_MS = 3_000;

export function formatMs(ms: number): string {
  if (ms < 1000) return `${Math.max(0, Math.round(ms))} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const minutes = Math.floor(ms / 60_000);
  if (minutes >= 120) return `${Math.round(minutes / 60)} hours`;
  return `${minutes} min ${Math.round((ms % 60_000) / 1000)} s`;
}

/** The firewall rule for reaching `url` (http, https, ws or wss; default ports filled in). */
export function ruleFor(url: string, what: string): AllowRule {
  const parsed = new URL(url);
  const scheme = parsed.protocol.slice(0, -1) as AllowRule['scheme'];
  const port = parsed.port
    ? Number(parsed.port)
    : scheme === 'https' || scheme === 'wss'
      ? 443
      : 80;
  return { scheme, host: parsed.hostname.replace(/^\[|\]$/g, ''), port, what };
}

const SCHEME_WORDS: Record<AllowRule['scheme'], string> = {
  https: 'HTTPS',
  http: 'HTTP',
  wss: 'WebSocket over TLS, wss://',
  ws: 'WebSocket, ws://',
};

/** One line an IT admin can act on: host, port, protocol, and why. */
export function formatRule(rule: AllowRule): string {
  return `${rule.host} port ${rule.port} (${SCHEME_WORDS[rule.scheme]}): ${rule.what}`;
}

/** One rule per scheme, host and port, in first-seen order, saying everything it carries. */
export function uniqueRules(rules: AllowRule[]): AllowRule[] {
  const byKey = new Map<string, AllowRule>();
  for (const rule of rules) {
    const key = `${rule.scheme}|${rule.host}|${rule.port}`;
    const seen = byKey.get(key);
    if (!seen) byKey.set(key, { ...rule });
    else if (!seen.what.split('; ').includes(rule.what)) seen.what += `; ${rule.what}`;
  }
  return [...byKey.values()];
}

export type FetchAttempt =
  | { ok: true; response: Response; elapsedMs: number }
  | { ok: false; problem: 'timeout' | 'network'; elapsedMs: number };

/**
 * `fetch` with a deadline. A browser tells a page only that a request failed ("network"), never
 * whether DNS, TCP, TLS, a filter or CORS stopped it; the deadline separates "no answer" from it.
 */
export async function fetchWithin(
  url: string,
  init: RequestInit,
  timeoutMs = ATTEMPT_TIMEOUT_MS,
): Promise<FetchAttempt> {
  const controller = new AbortController();
  const started = performance.now();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  try {
    const response = await fetch(url, { ...init, signal: controller.signal });
    return { ok: true, response, elapsedMs: performance.now() - started };
  } catch {
    return {
      ok: false,
      problem: timedOut ? 'timeout' : 'network',
      elapsedMs: performance.now() - started,
    };
  } finally {
    clearTimeout(timer);
  }
}

/** The protocol the browser used for `url` (h2, h3, http/1.1), or '' when it does not say. */
export function protocolOf(url: string): string {
  try {
    const entries = performance.getEntriesByName(url) as PerformanceResourceTiming[];
    return entries.at(-1)?.nextHopProtocol ?? '';
  } catch {
    return '';
  }
}

/** A random id for URLs and beacons: keeps caches out and names this request's timing entry. */
export function nonce(): string {
  const bytes = new Uint8Array(9);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => (b % 36).toString(36)).join('');
}
