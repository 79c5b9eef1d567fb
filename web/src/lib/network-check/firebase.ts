import {
  ATTEMPT_TIMEOUT_MS,
  fetchWithin,
  formatMs,
  IMMEDIATE_MS,
  protocolOf,
  ruleFor,
} from './format.ts';
import {
  text,
  type AllowRule,
  type CheckResult,
  type CheckText,
  type FirebaseTargets,
} from './types.ts';

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

function handshakeWords(result: Extract<Handshake, { ok: false }>): CheckText {
  if (result.redirect !== undefined) return text('firebaseRedirecting');
  const time = formatMs(result.ms);
  return result.stage === 'timeout'
    ? text('firebaseTimeout', { time })
    : result.ms < IMMEDIATE_MS
      ? text('firebaseRefusedAtOnce', { time })
      : text('connectionFailedAfter', { time });
}

export async function firebaseWebSocketResult(targets: FirebaseTargets): Promise<CheckResult> {
  const allow: AllowRule[] = [ruleFor(targets.websocketUrl, text('allowFirebaseWebSocket'))];
  if (targets.domainWildcard)
    allow.push({
      ...ruleFor(targets.websocketUrl, text('allowFirebaseServers')),
      host: targets.domainWildcard,
    });
  let first = await handshake(targets.websocketUrl);
  const details: CheckText[] = [];
  // The database may send the client to the server that holds it; the SDK follows once.
  if (!first.ok && first.redirect !== undefined) {
    details.push(text('detailRedirected', { host: new URL(first.url).host, to: first.redirect }));
    first = await handshake(withHost(targets.websocketUrl, first.redirect));
  }
  if (!first.ok) {
    const host = new URL(first.url).host;
    return {
      outcome: 'fail',
      headline: text('firebaseWebSocketFailHeadline', { host }),
      meaning: [
        handshakeWords(first),
        text('firebaseWebSocketFailMeaning'),
        text(targets.emulated ? 'firebaseWebSocketAllow' : 'firebaseWebSocketAllowExempt', {
          hosts: allow.map((r) => r.host).join(' and '),
          port: String(allow[0]!.port),
        }),
      ],
      details: [
        ...details,
        first.redirect !== undefined
          ? text('detailRedirectedAgain', {
              request: `WebSocket ${first.url}`,
              time: formatMs(first.ms),
            })
          : text('detailProblem', {
              request: `WebSocket ${first.url}`,
              problem: first.stage,
              time: formatMs(first.ms),
            }),
      ],
      allow,
    };
  }
  const connectedHost = new URL(first.url).host;
  details.push(
    text('detailHandshake', { request: `WebSocket ${first.url}`, time: formatMs(first.ms) }),
  );
  // The handshake names the server the SDK will use from then on (it remembers it): try it too.
  if (first.nextHost && first.nextHost !== connectedHost && !targets.emulated) {
    allow.push(
      ruleFor(withHost(targets.websocketUrl, first.nextHost), text('allowFirebaseThisServer')),
    );
    const next = await handshake(withHost(targets.websocketUrl, first.nextHost));
    if (!next.ok) {
      return {
        outcome: 'warn',
        headline: text('firebaseNextFailHeadline', { host: first.nextHost }),
        meaning: [
          handshakeWords(next),
          text('firebaseNextFailMeaning', {
            host: first.nextHost,
            allowed: targets.domainWildcard ?? first.nextHost,
          }),
        ],
        details: [
          ...details,
          text('detailFailedAfter', { request: `WebSocket ${next.url}`, time: formatMs(next.ms) }),
        ],
        allow,
      };
    }
    details.push(
      text('detailHandshake', { request: `WebSocket ${next.url}`, time: formatMs(next.ms) }),
    );
  }
  return {
    outcome: 'pass',
    headline: text('firebaseWebSocketPassHeadline', { time: formatMs(first.ms) }),
    meaning: [text('firebaseWebSocketPassMeaning')],
    details,
    allow,
  };
}

/**
 * A REST read at the database's root that needs no sign-in. The rules refuse it (401 "Permission
 * denied"), which is fine: only the database answers like that, and no data comes back.
 */
export async function firebaseRestResult(targets: FirebaseTargets): Promise<CheckResult> {
  const allow = [ruleFor(targets.restUrl, text('allowFirebaseRest'))];
  const attempt = await fetchWithin(targets.restUrl, { cache: 'no-store', credentials: 'omit' });
  const host = targets.databaseHost;
  const request = `GET ${targets.restUrl}`;
  if (attempt.ok) {
    const { response } = attempt;
    const status = String(response.status);
    const body = (await response.json().catch(() => undefined)) as unknown;
    const protocol = protocolOf(targets.restUrl);
    const details = [
      text('detailStatus', { request, status, time: formatMs(attempt.elapsedMs) }),
      protocol ? text('detailProtocol', { protocol }) : text('detailProtocolUnknown'),
    ];
    const fromDatabase = (response.status === 200 || response.status === 401) && body !== undefined;
    if (fromDatabase)
      return {
        outcome: 'pass',
        headline: text('firebaseRestPassHeadline', { time: formatMs(attempt.elapsedMs) }),
        meaning: [text('firebaseRestPassMeaning')],
        details,
        allow,
      };
    return {
      outcome: response.status >= 500 ? 'warn' : 'fail',
      headline: text('firebaseRestUnexpectedHeadline', { status }),
      meaning: [
        response.status >= 500
          ? text('firebaseRestServerProblem')
          : text('firebaseRestOtherAnswer', { status, host, port: String(allow[0]!.port) }),
      ],
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
    text('detailProblem', { request, problem: attempt.problem, time: formatMs(attempt.elapsedMs) }),
  ];
  if (opaque.ok) {
    return {
      outcome: 'warn',
      headline: text('firebaseRestOpaqueHeadline', { host }),
      meaning: [text('firebaseRestOpaqueMeaning')],
      details: [...details, text('detailOpaque', { mode: 'no-cors' })],
      allow,
    };
  }
  return {
    outcome: 'fail',
    headline: text('firebaseRestFailHeadline', { host }),
    meaning: [
      attempt.problem === 'timeout'
        ? text('firebaseRestTimeout', { time: formatMs(attempt.elapsedMs) })
        : text('firebaseRestStopped'),
      text('allowHttpsHostPort', { host, port: String(allow[0]!.port) }),
    ],
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
    ruleFor(targets.signInUrl, text('allowFirebaseSignIn')),
    ruleFor(targets.refreshUrl, text('allowFirebaseRenewal')),
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
      const request = `POST ${host}${new URL(url).pathname}`;
      if (!attempt.ok)
        return {
          host,
          ok: false,
          line: text('detailProblem', {
            request,
            problem: attempt.problem,
            time: formatMs(attempt.elapsedMs),
          }),
          timeout: attempt.problem === 'timeout',
        };
      const body = (await attempt.response.json().catch(() => null)) as {
        error?: { message?: unknown };
      } | null;
      // Google's error shape: the service itself read the (invalid) token and said no.
      const fromGoogle =
        attempt.response.status === 400 && typeof body?.error?.message === 'string';
      const status = String(attempt.response.status);
      const time = formatMs(attempt.elapsedMs);
      return {
        host,
        ok: fromGoogle,
        line: fromGoogle
          ? text('detailStatusExpected', {
              request,
              status: `${status} ${String(body?.error?.message)}`,
              time,
            })
          : text('detailStatus', { request, status, time }),
        timeout: false,
      };
    }),
  );
  const details = answers.map((a) => a.line);
  const failed = answers.filter((a) => !a.ok);
  if (failed.length === 0)
    return {
      outcome: 'pass',
      headline: text('firebaseAuthPassHeadline'),
      meaning: [text('firebaseAuthPassMeaning')],
      details,
      allow,
    };
  const hosts = failed.map((a) => a.host).join(' and ');
  return {
    outcome: 'fail',
    headline: text('firebaseAuthFailHeadline', { hosts }),
    meaning: [
      failed.some((a) => a.timeout) ? text('noAnswerInTimeDropped') : text('firebaseAuthBlocked'),
      text('firebaseAuthFailMeaning'),
      text(targets.emulated ? 'firebaseAuthAllow' : 'firebaseAuthAllowExempt', {
        hosts,
        port: String(allow[0]!.port),
      }),
    ],
    details,
    allow,
  };
}

export function firebaseNotUsed(): CheckResult {
  return {
    outcome: 'not_applicable',
    headline: text('notUsedHeadline'),
    meaning: [text('firebaseNotUsedMeaning')],
    details: [],
    allow: [],
  };
}
