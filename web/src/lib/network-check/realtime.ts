import { PROTOCOL_VERSION } from '@classpulse/realtime/protocol';
import type { io as SocketIo } from 'socket.io-client';
import { ATTEMPT_TIMEOUT_MS, fetchWithin, formatMs, IMMEDIATE_MS, ruleFor } from './format.ts';
import { text, type AllowRule, type CheckResult, type CheckText } from './types.ts';

type Transport = 'websocket' | 'polling';

export type RealtimeAttempt =
  | {
      ok: true;
      transport: Transport;
      connectMs: number;
      /** A `ping` answered through the protocol; null when the check could not sign in. */
      rttMs: number | null;
      /** Our server refused the sign-in (code): it was reached, the session path not tested. */
      refused: string | null;
    }
  | {
      ok: false;
      transport: Transport;
      elapsedMs: number;
      /**
       * timeout: no answer at all; transport_error: refused or cut off (the browser does not say
       * by whom); http_status: an HTTP answer that was not the server's (polling only);
       * refused: our server refused the check's token; ping_timeout: connected, no ping answer.
       */
      stage: 'timeout' | 'transport_error' | 'http_status' | 'refused' | 'ping_timeout' | 'load';
      status?: number;
      code?: string;
    };

/**
 * A token for the check's connections (see the token route), or null: then the connection can
 * still prove the transport, because the server's refusal of the handshake comes back over it.
 */
export async function fetchRealtimeToken(tokenUrl: string): Promise<string | null> {
  const attempt = await fetchWithin(tokenUrl, { method: 'POST', cache: 'no-store' });
  if (!attempt.ok || !attempt.response.ok) return null;
  const body = (await attempt.response.json().catch(() => null)) as { token?: unknown } | null;
  return typeof body?.token === 'string' ? body.token : null;
}

type ConnectError = Error & { data?: { code?: string }; description?: unknown };

/**
 * Connects to the realtime tier with socket.io over exactly one transport, as a student's page
 * would, then sends a `ping` through the protocol and times its answer. socket.io-client loads
 * only now, so the page itself stays small.
 */
export async function tryRealtime(
  url: string,
  transport: Transport,
  token: string | null,
): Promise<RealtimeAttempt> {
  const started = performance.now();
  let io: typeof SocketIo;
  try {
    ({ io } = await import('socket.io-client'));
  } catch {
    return { ok: false, transport, elapsedMs: 0, stage: 'load' };
  }
  const socket = io(url, {
    transports: [transport],
    upgrade: false,
    reconnection: false,
    forceNew: true,
    timeout: ATTEMPT_TIMEOUT_MS,
    auth: token ? { v: PROTOCOL_VERSION, token } : { v: PROTOCOL_VERSION },
  });
  try {
    const connected = await new Promise<ConnectError | null>((resolve) => {
      socket.once('connect', () => resolve(null));
      socket.once('connect_error', (error: ConnectError) => resolve(error));
    });
    const elapsedMs = performance.now() - started;
    if (connected) {
      const code = connected.data?.code;
      // The refusal is our server's answer, carried over the transport under test.
      if (code && !token)
        return { ok: true, transport, connectMs: elapsedMs, rttMs: null, refused: code };
      if (code) return { ok: false, transport, elapsedMs, stage: 'refused', code };
      if (connected.message === 'timeout')
        return { ok: false, transport, elapsedMs, stage: 'timeout' };
      const status = typeof connected.description === 'number' ? connected.description : 0;
      if (transport === 'polling' && status > 0)
        return { ok: false, transport, elapsedMs, stage: 'http_status', status };
      return { ok: false, transport, elapsedMs, stage: 'transport_error' };
    }
    const sentAt = Date.now();
    const pingStarted = performance.now();
    try {
      const reply = (await socket.timeout(ATTEMPT_TIMEOUT_MS).emitWithAck('ping', { sentAt })) as {
        ok?: boolean;
      };
      if (reply.ok !== true) throw new Error('not answered');
    } catch {
      return {
        ok: false,
        transport,
        elapsedMs: performance.now() - started,
        stage: 'ping_timeout',
      };
    }
    return {
      ok: true,
      transport,
      connectMs: elapsedMs,
      rttMs: performance.now() - pingStarted,
      refused: null,
    };
  } finally {
    socket.disconnect();
  }
}

function rules(url: string): { websocket: AllowRule; polling: AllowRule } {
  const secure = url.startsWith('https:');
  const wsUrl = url.replace(/^http/, 'ws');
  return {
    websocket: ruleFor(wsUrl, text('allowRealtimeWebSocket')),
    polling: ruleFor(url, text(secure ? 'allowRealtimePollingHttps' : 'allowRealtimePolling')),
  };
}

function failureWords(attempt: Extract<RealtimeAttempt, { ok: false }>): CheckText {
  const time = formatMs(attempt.elapsedMs);
  switch (attempt.stage) {
    case 'timeout':
      return text('realtimeTimeout', { time });
    case 'transport_error':
      return attempt.elapsedMs < IMMEDIATE_MS
        ? text('realtimeRefusedAtOnce', { time })
        : text('connectionFailedAfter', { time });
    case 'http_status':
      return attempt.status === 403 || attempt.status === 407
        ? text('realtimeStatusFiltered', { status: String(attempt.status) })
        : text('realtimeStatus', { status: String(attempt.status ?? '') });
    case 'refused':
      return text('realtimeRefused', { code: attempt.code ?? '' });
    case 'ping_timeout':
      return text('realtimePingTimeout');
    case 'load':
      return text('realtimeLoad');
  }
}

function attemptDetails(attempt: RealtimeAttempt, url: string): CheckText[] {
  const what = text(attempt.transport === 'websocket' ? 'transportWebSocket' : 'transportPolling');
  if (attempt.ok) {
    return [
      text('detailConnected', { what, url, time: formatMs(attempt.connectMs) }),
      attempt.rttMs === null
        ? text('detailNotSignedIn', { code: attempt.refused ?? '' })
        : text('detailPingRoundTrip', { time: formatMs(attempt.rttMs) }),
    ];
  }
  const problem = `${attempt.stage}${attempt.status ? ` (HTTP ${attempt.status})` : ''}${attempt.code ? ` (${attempt.code})` : ''}`;
  return [
    text('detailTransportProblem', { what, url, problem, time: formatMs(attempt.elapsedMs) }),
  ];
}

/**
 * Both realtime results, each read in the light of the other: a WebSocket that fails where plain
 * HTTP to the same server works means the upgrade is blocked, not the server.
 */
export function realtimeResults(
  url: string,
  websocket: RealtimeAttempt,
  polling: RealtimeAttempt | null,
  firebaseMode: boolean,
): { websocket: CheckResult; polling: CheckResult } {
  const host = new URL(url).host;
  const allow = rules(url);
  const secure = url.startsWith('https:');
  const serverSide = (attempt: Extract<RealtimeAttempt, { ok: false }>) =>
    attempt.stage === 'refused' || attempt.stage === 'load';
  // The network let the attempt through and our server (or its token) failed it.
  const ourSideResult = (
    attempt: Extract<RealtimeAttempt, { ok: false }>,
    allowed: (typeof allow)['websocket'],
  ): CheckResult => ({
    outcome: 'warn',
    headline: text('realtimeOurSideHeadline', { host }),
    meaning: [failureWords(attempt), text('realtimeOurSideMeaning')],
    details: attemptDetails(attempt, url),
    allow: [allowed],
  });
  const works = (attempt: Extract<RealtimeAttempt, { ok: true }>, transport: CheckText) =>
    attempt.rttMs === null
      ? text('transportWorks', { transport, host })
      : text('transportWorksRoundTrip', { transport, host, time: formatMs(attempt.rttMs) });

  let websocketResult: CheckResult;
  if (websocket.ok) {
    websocketResult = {
      outcome: 'pass',
      headline: works(websocket, text('transportWebSocket')),
      meaning: [text(firebaseMode ? 'websocketPassMeaningFirebase' : 'websocketPassMeaning')],
      details: attemptDetails(websocket, url),
      allow: [allow.websocket],
    };
  } else if (serverSide(websocket)) {
    websocketResult = ourSideResult(websocket, allow.websocket);
  } else {
    const pollingWorks = polling?.ok === true;
    const meaning = [failureWords(websocket)];
    if (pollingWorks) meaning.push(text('websocketUpgradeBlocked'));
    else if (polling && !polling.ok) meaning.push(text('websocketServerUnreachable'));
    meaning.push(
      pollingWorks
        ? text(firebaseMode ? 'websocketFallbackWorksFirebase' : 'websocketFallbackWorks')
        : text(firebaseMode ? 'websocketCannotWorkFirebase' : 'websocketCannotWork'),
      text('websocketAllow', { host: allow.websocket.host, port: String(allow.websocket.port) }),
    );
    if (secure) meaning.push(text('websocketExemptInspection'));
    websocketResult = {
      outcome: pollingWorks ? 'warn' : 'fail',
      headline: text('websocketFailHeadline', { host }),
      meaning,
      details: attemptDetails(websocket, url),
      allow: [allow.websocket],
    };
  }

  let pollingResult: CheckResult;
  if (!polling) {
    pollingResult = {
      outcome: 'not_applicable',
      headline: text('notUsedHeadline'),
      meaning: [text('pollingNotUsedMeaning')],
      details: [],
      allow: [],
    };
  } else if (polling.ok) {
    pollingResult = {
      outcome: 'pass',
      headline: works(polling, text('transportPolling')),
      meaning: [text('pollingPassMeaning')],
      details: attemptDetails(polling, url),
      allow: [allow.polling],
    };
  } else if (serverSide(polling)) {
    pollingResult = ourSideResult(polling, allow.polling);
  } else {
    pollingResult = {
      outcome: websocket.ok ? 'warn' : 'fail',
      headline: text('pollingFailHeadline', { host }),
      meaning: [
        failureWords(polling),
        text(websocket.ok ? 'pollingWebSocketWorks' : 'pollingNoWay'),
        text(allow.polling.scheme === 'https' ? 'pollingAllowHttps' : 'pollingAllow', {
          host: allow.polling.host,
          port: String(allow.polling.port),
        }),
      ],
      details: attemptDetails(polling, url),
      allow: [allow.polling],
    };
  }
  return { websocket: websocketResult, polling: pollingResult };
}
