import { fetchWithin, formatMs, nonce, protocolOf, ruleFor } from './format.ts';
import { PING_HEADER, PING_HEADER_VALUE, type CheckResult } from './types.ts';

export type Ping =
  | {
      ok: true;
      url: string;
      /** performance.now() round trip. */
      rttMs: number;
      /** The device's clock (Date.now()) when the request left. */
      sentAt: number;
      serverTime: number;
      /** Our header arrived as sent. */
      headerIntact: boolean;
      /** A `Via` header on the answer (proxies add one; so may our own load balancer). */
      via: string | null;
    }
  | {
      ok: false;
      url: string;
      elapsedMs: number;
      problem: 'timeout' | 'network' | 'status' | 'not_ours';
      status?: number;
    };

/** GETs the ping route of this origin once, uncached. */
export async function pingOrigin(pingUrl: string): Promise<Ping> {
  const url = new URL(`${pingUrl}?n=${nonce()}`, window.location.href).href;
  const sentAt = Date.now();
  const attempt = await fetchWithin(url, { cache: 'no-store', credentials: 'same-origin' });
  if (!attempt.ok)
    return { ok: false, url, elapsedMs: attempt.elapsedMs, problem: attempt.problem };
  const { response } = attempt;
  const body = (await response.json().catch(() => null)) as {
    ok?: boolean;
    serverTime?: number;
  } | null;
  const rttMs = attempt.elapsedMs;
  if (!response.ok)
    return { ok: false, url, elapsedMs: rttMs, problem: 'status', status: response.status };
  if (body?.ok !== true || typeof body.serverTime !== 'number')
    return { ok: false, url, elapsedMs: rttMs, problem: 'not_ours', status: response.status };
  return {
    ok: true,
    url,
    rttMs,
    sentAt,
    serverTime: body.serverTime,
    headerIntact: response.headers.get(PING_HEADER) === PING_HEADER_VALUE,
    via: response.headers.get('via'),
  };
}

export function webOriginResult(ping: Ping, origin: string): CheckResult {
  const allow = [ruleFor(origin, 'this website: pages, sign-in and answers')];
  const host = new URL(origin).host;
  if (!ping.ok) {
    const why =
      ping.problem === 'timeout'
        ? `There was no answer within ${formatMs(ping.elapsedMs)}.`
        : ping.problem === 'network'
          ? 'The request was stopped before an answer arrived (blocked, refused or cut off; the browser does not say which).'
          : ping.problem === 'status'
            ? `Something answered with HTTP ${ping.status}${ping.status === 403 || ping.status === 407 ? ', which web filters and proxies use for blocked or sign-in-required pages' : ''}.`
            : 'Something answered, but not with our answer: a filter or captive portal may be replying in our place.';
    return {
      outcome: 'fail',
      headline: `${host} did not answer the check's request.`,
      meaning: `${why} This page loaded, so the site is partly reachable, but requests the app makes while it runs are not getting through. Allow ${host} for every path (not just its pages), and exempt it from content filtering.`,
      details: [
        `GET ${new URL(ping.url).pathname}: ${ping.problem}${ping.status ? ` (HTTP ${ping.status})` : ''} after ${formatMs(ping.elapsedMs)}`,
      ],
      allow,
    };
  }
  const details = [
    `GET ${new URL(ping.url).pathname}: answered in ${formatMs(ping.rttMs)}`,
    `Protocol: ${protocolOf(ping.url) || 'not reported by the browser'}`,
  ];
  if (ping.via) details.push(`Via: ${ping.via}`);
  if (!ping.headerIntact) {
    return {
      outcome: 'warn',
      headline: `${host} answered, but the answer was changed on the way.`,
      meaning:
        'A header our server sends did not arrive. Something between this device and us (a proxy or filter) rebuilt the answer. Classpulse may still work; if pages misbehave, exempt this site from the proxy or filter.',
      details: [...details, `Header ${PING_HEADER}: missing`],
      allow,
    };
  }
  if (ping.rttMs > 3000) {
    return {
      outcome: 'warn',
      headline: `${host} answered slowly (${formatMs(ping.rttMs)}).`,
      meaning:
        'Classpulse works, but pages and answers will feel slow. A busy connection or a proxy that holds requests can cause this.',
      details,
      allow,
    };
  }
  return {
    outcome: 'pass',
    headline: `${host} answered in ${formatMs(ping.rttMs)}.`,
    meaning:
      'This device reaches the Classpulse website, including the requests the app makes while it runs.',
    details,
    allow,
  };
}

/** Warn beyond this clock difference, fail beyond the next (sign-ins carry times). */
export const CLOCK_WARN_MS = 2_000;
export const CLOCK_FAIL_MS = 30_000;

/** How far the device's clock is from the server's: + means the device is behind. */
export function clockOffsetMs(ping: Extract<Ping, { ok: true }>): number {
  return ping.serverTime - (ping.sentAt + ping.rttMs / 2);
}

export function clockResult(ping: Ping): CheckResult {
  if (!ping.ok) {
    return {
      outcome: 'warn',
      headline: 'Not checked: it needs an answer from this website (see the check above).',
      meaning: 'The device clock is compared with our server’s clock, which did not answer.',
      details: [],
      allow: [],
    };
  }
  const offset = clockOffsetMs(ping);
  const size = Math.abs(offset);
  const direction = offset > 0 ? 'behind' : 'ahead of';
  const details = [
    `Device ${direction} the server by ${formatMs(size)} (± ${formatMs(ping.rttMs / 2)}, half the round trip)`,
    `Device time: ${new Date(ping.sentAt).toISOString()}`,
  ];
  if (size <= CLOCK_WARN_MS) {
    return {
      outcome: 'pass',
      headline: `This device’s clock is right (within ${formatMs(Math.max(size, 1))}).`,
      meaning: 'Timers and sign-ins will behave as expected.',
      details,
      allow: [],
    };
  }
  const fix =
    'Set the device to get its time automatically (from your network’s time server, or time.google.com / pool.ntp.org over NTP, UDP port 123).';
  if (size <= CLOCK_FAIL_MS) {
    return {
      outcome: 'warn',
      headline: `This device’s clock is ${formatMs(size)} ${direction} the real time.`,
      meaning: `Classpulse works, but countdown timers will be off by that much. ${fix}`,
      details,
      allow: [],
    };
  }
  return {
    outcome: 'fail',
    headline: `This device’s clock is ${formatMs(size)} ${direction} the real time.`,
    meaning: `Sign-ins carry their issue and expiry times, so with a clock this far off they can be refused as expired or not yet valid, and timers are wrong. ${fix}`,
    details,
    allow: [],
  };
}
