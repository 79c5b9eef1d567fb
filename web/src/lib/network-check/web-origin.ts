import { fetchWithin, formatMs, nonce, protocolOf, ruleFor } from './format.ts';
import { PING_HEADER, PING_HEADER_VALUE, text, type CheckResult, type CheckText } from './types.ts';

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

/** Why a request got no answer of ours (the ping of this website). */
function pingFailure(ping: Extract<Ping, { ok: false }>): CheckText {
  if (ping.problem === 'timeout') return text('noAnswerWithin', { time: formatMs(ping.elapsedMs) });
  if (ping.problem === 'network') return text('originStopped');
  if (ping.problem === 'status')
    return ping.status === 403 || ping.status === 407
      ? text('originStatusFiltered', { status: String(ping.status) })
      : text('originStatus', { status: String(ping.status ?? '') });
  return text('originNotOurs');
}

export function webOriginResult(ping: Ping, origin: string): CheckResult {
  const allow = [ruleFor(origin, text('allowWebsite'))];
  const host = new URL(origin).host;
  const request = `GET ${new URL(ping.url).pathname}`;
  if (!ping.ok) {
    return {
      outcome: 'fail',
      headline: text('originFailHeadline', { host }),
      meaning: [pingFailure(ping), text('originFailMeaning', { host })],
      details: [
        text('detailProblem', {
          request,
          problem: `${ping.problem}${ping.status ? ` (HTTP ${ping.status})` : ''}`,
          time: formatMs(ping.elapsedMs),
        }),
      ],
      allow,
    };
  }
  const protocol = protocolOf(ping.url);
  const details = [
    text('detailAnswered', { request, time: formatMs(ping.rttMs) }),
    protocol ? text('detailProtocol', { protocol }) : text('detailProtocolUnknown'),
  ];
  if (ping.via) details.push(text('detailVia', { via: ping.via }));
  if (!ping.headerIntact) {
    return {
      outcome: 'warn',
      headline: text('originChangedHeadline', { host }),
      meaning: [text('originChangedMeaning')],
      details: [...details, text('detailHeaderMissing', { header: PING_HEADER })],
      allow,
    };
  }
  if (ping.rttMs > 3000) {
    return {
      outcome: 'warn',
      headline: text('originSlowHeadline', { host, time: formatMs(ping.rttMs) }),
      meaning: [text('originSlowMeaning')],
      details,
      allow,
    };
  }
  return {
    outcome: 'pass',
    headline: text('originPassHeadline', { host, time: formatMs(ping.rttMs) }),
    meaning: [text('originPassMeaning')],
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
      headline: text('clockNotCheckedHeadline'),
      meaning: [text('clockNotCheckedMeaning')],
      details: [],
      allow: [],
    };
  }
  const offset = clockOffsetMs(ping);
  const size = Math.abs(offset);
  const behind = offset > 0;
  const details = [
    text(behind ? 'detailClockBehind' : 'detailClockAhead', {
      time: formatMs(size),
      margin: formatMs(ping.rttMs / 2),
    }),
    text('detailDeviceTime', { time: new Date(ping.sentAt).toISOString() }),
  ];
  if (size <= CLOCK_WARN_MS) {
    return {
      outcome: 'pass',
      headline: text('clockPassHeadline', { time: formatMs(Math.max(size, 1)) }),
      meaning: [text('clockPassMeaning')],
      details,
      allow: [],
    };
  }
  const headline = text(behind ? 'clockBehindHeadline' : 'clockAheadHeadline', {
    time: formatMs(size),
  });
  if (size <= CLOCK_FAIL_MS) {
    return {
      outcome: 'warn',
      headline,
      meaning: [
        text('clockWarnMeaning'),
        text('clockFix', { servers: 'time.google.com / pool.ntp.org' }),
      ],
      details,
      allow: [],
    };
  }
  return {
    outcome: 'fail',
    headline,
    meaning: [
      text('clockFailMeaning'),
      text('clockFix', { servers: 'time.google.com / pool.ntp.org' }),
    ],
    details,
    allow: [],
  };
}
