import { english } from './words.ts';
import { text, type AllowRule, type CheckText } from './types.ts';

/** How long one network attempt of a check may take before it counts as "no answer". */
export const ATTEMPT_TIMEOUT_MS = 10_000;
/** A failure sooner than this was an immediate refusal rather than a slow one. */
export const IMMEDIATE_MS = 3_000;

/** A duration in words ("103 ms", "1.5 s", "3 min 20 s", "5 hours"). */
export function formatMs(ms: number): CheckText {
  if (ms < 1000) return text('durationMs', { ms: Math.max(0, Math.round(ms)) });
  if (ms < 60_000) return text('durationSeconds', { seconds: Math.round(ms / 100) / 10 });
  const minutes = Math.floor(ms / 60_000);
  if (minutes >= 120) return text('durationHours', { hours: Math.round(minutes / 60) });
  return text('durationMinutes', { minutes, seconds: Math.round((ms % 60_000) / 1000) });
}

/** The firewall rule for reaching `url` (http, https, ws or wss; default ports filled in). */
export function ruleFor(url: string, what: CheckText | string): AllowRule {
  const parsed = new URL(url);
  const scheme = parsed.protocol.slice(0, -1) as AllowRule['scheme'];
  const port = parsed.port
    ? Number(parsed.port)
    : scheme === 'https' || scheme === 'wss'
      ? 443
      : 80;
  return { scheme, host: parsed.hostname.replace(/^\[|\]$/g, ''), port, what: [what] };
}

const SCHEME_WORDS: Record<AllowRule['scheme'], CheckText> = {
  https: text('schemeHttps'),
  http: text('schemeHttp'),
  wss: text('schemeWss'),
  ws: text('schemeWs'),
};

/** One line an IT admin can act on: host, port, protocol, and why. */
export function ruleText(rule: AllowRule): CheckText {
  return text('rule', {
    host: rule.host,
    port: String(rule.port),
    scheme: SCHEME_WORDS[rule.scheme],
    what: rule.what,
  });
}

/** The rule in English (the summary, and a stable key for lists). */
export function formatRule(rule: AllowRule): string {
  return english(ruleText(rule));
}

/** One rule per scheme, host and port, in first-seen order, saying everything it carries. */
export function uniqueRules(rules: AllowRule[]): AllowRule[] {
  const byKey = new Map<string, AllowRule>();
  for (const rule of rules) {
    const key = `${rule.scheme}|${rule.host}|${rule.port}`;
    const seen = byKey.get(key);
    if (!seen) byKey.set(key, { ...rule, what: [...rule.what] });
    else
      for (const what of rule.what)
        if (!seen.what.some((known) => english(known) === english(what))) seen.what.push(what);
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
