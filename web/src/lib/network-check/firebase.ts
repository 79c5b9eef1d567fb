import {
  ATTEMPT_TIMEOUT_MS,
  fetchWithin,
  formatMs,
  IMMEDIATE_MS,
  protocolOf,
  ruleFor,
} from './format.ts';
import type { AllowRule, CheckResult, FirebaseTargets } from './types.ts';

type Handshake =
  | { ok: true; url: string; ms: number; serverTime: number | null; nextHost: string | null }
  | { ok: false; url: string; ms: number; redirect: string }
  | { ok: false; url: string; ms: number; redirect?: undefined; stage: 'timeout' | 'error' };

/**
 * Opens the Realtime Database's WebSocket (the endpoint and protocol version the Firebase SDK
 * uses) and waits for the server's handshake frame, `{t:"c",d:{t:"h",d:{ts,v,h,s}}}`: proof the
 * database answered over a WebSocket from this network. Then closes it; no sign-in, no data.
 * Raw rather than through the SDK, which would add ~70 KiB to the page and hide the stages.
 */
function handshake(url: string): Promise<Handshake> {
  const started = performance.now();
  const elapsed = () => performance.now() - started;
  return new Promise((resolve) => {
    let socket: WebSocket | null = null;
    let settled = false;
    const finish = (result: Handshake) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket?.close();
      resolve(result);
    };
    const timer = setTimeout(
      () => finish({ ok: false, url, ms: elapsed(), stage: 'timeout' }),
      ATTEMPT_TIMEOUT_MS,
    );
    try {
      socket = new WebSocket(url);
    } catch {
      finish({ ok: false, url, ms: elapsed(), stage: 'error' });
      return;
    }
    // Long messages come as a frame count, then the frames.
    let expected = 0;
    let frames = '';
    socket.onmessage = (event) => {
      const text = typeof event.data === 'string' ? event.data : '';
      if (expected === 0 && /^\d{1,4}$/.test(text)) {
        expected = Number(text);
        frames = '';
        return;
      }
      frames += text;
      if (expected > 1) {
        expected -= 1;
        return;
      }
      expected = 0;
      const whole = frames;
      frames = '';
      let message: { t?: string; d?: { t?: string; d?: unknown } };
      try {
        message = JSON.parse(whole) as typeof message;
      } catch {
        return;
      }
      if (message.t !== 'c') return;
      if (message.d?.t === 'h') {
        const data = (message.d.d ?? {}) as { ts?: unknown; h?: unknown };
        finish({
          ok: true,
          url,
          ms: elapsed(),
          serverTime: typeof data.ts === 'number' ? data.ts : null,
          nextHost: typeof data.h === 'string' ? data.h : null,
        });
      } else if (message.d?.t === 'r' && typeof message.d.d === 'string') {
        finish({ ok: false, url, ms: elapsed(), redirect: message.d.d });
      }
    };
    socket.onerror = () => finish({ ok: false, url, ms: elapsed(), stage: 'error' });
    socket.onclose = () => finish({ ok: false, url, ms: elapsed(), stage: 'error' });
  });
}

const withHost = (url: string, host: string) => {
  const next = new URL(url);
  next.host = host;
  return next.href;
};

function handshakeWords(result: Extract<Handshake, { ok: false }>): string {
  if (result.redirect !== undefined) return 'The database kept redirecting the connection.';
  return result.stage === 'timeout'
    ? `There was no answer within ${formatMs(result.ms)}: something silently drops the connection, as firewalls do for blocked hosts.`
    : result.ms < IMMEDIATE_MS
      ? `The connection was refused or cut off at once (after ${formatMs(result.ms)}); a browser cannot tell whether a firewall, a proxy refusing the WebSocket upgrade, or a missing route did it.`
      : `The connection failed after ${formatMs(result.ms)} (the browser does not say why).`;
}

export async function firebaseWebSocketResult(targets: FirebaseTargets): Promise<CheckResult> {
  const allow: AllowRule[] = [ruleFor(targets.websocketUrl, 'Firebase database (WebSocket)')];
  if (targets.domainWildcard)
    allow.push({
      ...ruleFor(targets.websocketUrl, 'Firebase database servers the SDK is sent to'),
      host: targets.domainWildcard,
    });
  let first = await handshake(targets.websocketUrl);
  const details: string[] = [];
  // The database may send the client to the server that holds it; the SDK follows once.
  if (!first.ok && first.redirect !== undefined) {
    details.push(`${new URL(first.url).host} redirected to ${first.redirect}`);
    first = await handshake(withHost(targets.websocketUrl, first.redirect));
  }
  if (!first.ok) {
    const host = new URL(first.url).host;
    return {
      outcome: 'fail',
      headline: `No WebSocket connection to the Firebase database (${host}).`,
      meaning: `${handshakeWords(first)} Students sync their answers through Firebase over a WebSocket, so they cannot work from this network. Allow WebSocket connections to ${allow.map((r) => r.host).join(' and ')} on port ${allow[0]!.port}${targets.emulated ? '' : ', and exempt them from HTTPS inspection'}.`,
      details: [
        ...details,
        `WebSocket ${first.url}: ${first.redirect !== undefined ? 'redirected again' : first.stage} after ${formatMs(first.ms)}`,
      ],
      allow,
    };
  }
  const connectedHost = new URL(first.url).host;
  details.push(`WebSocket ${first.url}: handshake in ${formatMs(first.ms)}`);
  // The handshake names the server the SDK will use from then on (it remembers it): try it too.
  if (first.nextHost && first.nextHost !== connectedHost && !targets.emulated) {
    allow.push(
      ruleFor(
        withHost(targets.websocketUrl, first.nextHost),
        'Firebase database server for this database',
      ),
    );
    const next = await handshake(withHost(targets.websocketUrl, first.nextHost));
    if (!next.ok) {
      return {
        outcome: 'warn',
        headline: `Firebase reached, but not the server it sends students to (${first.nextHost}).`,
        meaning: `${handshakeWords(next)} The first connection works, but the Firebase SDK then moves to ${first.nextHost}, and that is blocked: allow ${targets.domainWildcard ?? first.nextHost} (WebSocket, port 443).`,
        details: [...details, `WebSocket ${next.url}: failed after ${formatMs(next.ms)}`],
        allow,
      };
    }
    details.push(`WebSocket ${next.url}: handshake in ${formatMs(next.ms)}`);
  }
  return {
    outcome: 'pass',
    headline: `The Firebase database answers over WebSocket (${formatMs(first.ms)}).`,
    meaning: 'Students’ devices can keep a live connection to Firebase, where their answers sync.',
    details,
    allow,
  };
}

/**
 * A REST read at the database's root that needs no sign-in. The rules refuse it (401 "Permission
 * denied"), which is fine: only the database answers like that, and no data comes back.
 */
export async function firebaseRestResult(targets: FirebaseTargets): Promise<CheckResult> {
  const allow = [ruleFor(targets.restUrl, 'Firebase database (HTTPS requests)')];
  const attempt = await fetchWithin(targets.restUrl, { cache: 'no-store', credentials: 'omit' });
  const host = targets.databaseHost;
  if (attempt.ok) {
    const { response } = attempt;
    const body = (await response.json().catch(() => undefined)) as unknown;
    const details = [
      `GET ${targets.restUrl}: HTTP ${response.status} in ${formatMs(attempt.elapsedMs)}`,
      `Protocol: ${protocolOf(targets.restUrl) || 'not reported by the browser'}`,
    ];
    const fromDatabase = (response.status === 200 || response.status === 401) && body !== undefined;
    if (fromDatabase)
      return {
        outcome: 'pass',
        headline: `The Firebase database answers over HTTPS (${formatMs(attempt.elapsedMs)}).`,
        meaning: 'Ordinary HTTPS requests from this device reach Firebase.',
        details,
        allow,
      };
    return {
      outcome: response.status >= 500 ? 'warn' : 'fail',
      headline: `An unexpected answer (HTTP ${response.status}) came back instead of the database's.`,
      meaning:
        response.status >= 500
          ? 'Firebase itself had a problem; try again in a few minutes.'
          : `Something between this device and Firebase answered in its place (HTTP ${response.status}; filters answer 403 or 407 for blocked sites). Allow ${host} on port ${allow[0]!.port}.`,
      details,
      allow,
    };
  }
  // A failed readable request: see whether an opaque one gets through (then CORS or a header
  // rewrite stopped the read, not the network).
  const opaque = await fetchWithin(targets.restUrl, {
    cache: 'no-store',
    credentials: 'omit',
    mode: 'no-cors',
  });
  const details = [
    `GET ${targets.restUrl}: ${attempt.problem} after ${formatMs(attempt.elapsedMs)}`,
  ];
  if (opaque.ok) {
    return {
      outcome: 'warn',
      headline: `Something answered for ${host}, but the browser may not read it.`,
      meaning:
        'The request got an answer, but without the headers Firebase sends, so a proxy or filter may be answering in its place or rewriting the answer. Exempt this host from filtering and HTTPS inspection.',
      details: [...details, 'no-cors retry: an answer arrived (opaque)'],
      allow,
    };
  }
  return {
    outcome: 'fail',
    headline: `No HTTPS answer from the Firebase database (${host}).`,
    meaning: `${
      attempt.problem === 'timeout'
        ? `There was no answer within ${formatMs(attempt.elapsedMs)}: something silently drops the traffic.`
        : 'The request was stopped before an answer arrived (blocked, refused, or a certificate the browser rejected; the browser does not say which).'
    } Allow HTTPS to ${host} port ${allow[0]!.port}.`,
    details,
    allow,
  };
}

/**
 * Google's sign-in service, which students' devices call before they may use the database: a
 * custom-token sign-in and a token refresh, each with a token that is not valid. Google answers
 * 400 (INVALID_CUSTOM_TOKEN, INVALID_REFRESH_TOKEN): reached, and nothing is created.
 */
export async function firebaseAuthResult(targets: FirebaseTargets): Promise<CheckResult> {
  const allow = [
    ruleFor(targets.signInUrl, 'Firebase sign-in (Google Identity Toolkit)'),
    ruleFor(targets.refreshUrl, 'Firebase sign-in renewal (Google Secure Token)'),
  ];
  const calls = [
    {
      url: targets.signInUrl,
      init: {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ token: 'network-check', returnSecureToken: true }),
      },
    },
    {
      url: targets.refreshUrl,
      init: {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'grant_type=refresh_token&refresh_token=network-check',
      },
    },
  ];
  const answers = await Promise.all(
    calls.map(async ({ url, init }) => {
      const attempt = await fetchWithin(url, { ...init, cache: 'no-store', credentials: 'omit' });
      const host = new URL(url).host;
      const path = new URL(url).pathname;
      if (!attempt.ok)
        return {
          host,
          ok: false,
          line: `POST ${host}${path}: ${attempt.problem} after ${formatMs(attempt.elapsedMs)}`,
          timeout: attempt.problem === 'timeout',
        };
      const body = (await attempt.response.json().catch(() => null)) as {
        error?: { message?: unknown };
      } | null;
      // Google's error shape: the service itself read the (invalid) token and said no.
      const fromGoogle =
        attempt.response.status === 400 && typeof body?.error?.message === 'string';
      return {
        host,
        ok: fromGoogle,
        line: `POST ${host}${path}: HTTP ${attempt.response.status}${fromGoogle ? ` ${String(body?.error?.message)} (expected)` : ''} in ${formatMs(attempt.elapsedMs)}`,
        timeout: false,
      };
    }),
  );
  const details = answers.map((a) => a.line);
  const failed = answers.filter((a) => !a.ok);
  if (failed.length === 0)
    return {
      outcome: 'pass',
      headline: 'Google’s sign-in service for Firebase answers.',
      meaning:
        'Students’ devices can sign in to Firebase (and renew that sign-in during a lesson).',
      details,
      allow,
    };
  const hosts = failed.map((a) => a.host).join(' and ');
  return {
    outcome: 'fail',
    headline: `No proper answer from ${hosts}.`,
    meaning: `${failed.some((a) => a.timeout) ? 'There was no answer in time: something silently drops the traffic.' : 'The request was blocked, or something other than Google answered it.'} Students cannot sign in to Firebase without it, so they cannot join. Allow HTTPS to ${hosts} on port ${allow[0]!.port}${targets.emulated ? '' : ', and exempt it from HTTPS inspection'}.`,
    details,
    allow,
  };
}

export function firebaseNotUsed(): CheckResult {
  return {
    outcome: 'not_applicable',
    headline: 'Not used by this Classpulse deployment.',
    meaning:
      'This deployment does not use Google Firebase, so your network does not need to reach it.',
    details: [],
    allow: [],
  };
}
