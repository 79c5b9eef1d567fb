import { PROTOCOL_VERSION } from '@classpulse/realtime/protocol';
import type { io as SocketIo } from 'socket.io-client';
import { ATTEMPT_TIMEOUT_MS, fetchWithin, formatMs, IMMEDIATE_MS, ruleFor } from './format.ts';
import type { AllowRule, CheckResult } from './types.ts';

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
    websocket: ruleFor(wsUrl, 'live connection (socket.io WebSocket)'),
    polling: ruleFor(
      url,
      `live connection fallback (socket.io HTTP${secure ? 'S' : ''} long-polling)`,
    ),
  };
}

function failureWords(attempt: Extract<RealtimeAttempt, { ok: false }>): string {
  switch (attempt.stage) {
    case 'timeout':
      return `There was no answer within ${formatMs(attempt.elapsedMs)}: something is silently dropping the connection, which is what firewalls do with blocked hosts or ports.`;
    case 'transport_error':
      return attempt.elapsedMs < IMMEDIATE_MS
        ? `The connection was refused or cut off at once (after ${formatMs(attempt.elapsedMs)}). A firewall rejecting it, a proxy refusing the WebSocket upgrade and nothing listening at that address all look the same to a browser.`
        : `The connection failed after ${formatMs(attempt.elapsedMs)} (the browser does not say why).`;
    case 'http_status':
      return `Something answered with HTTP ${attempt.status} instead of our server${attempt.status === 403 || attempt.status === 407 ? ': web filters and proxies answer like this for blocked sites or when they want a sign-in' : ''}.`;
    case 'refused':
      return `Our server was reached but refused the check's sign-in (${attempt.code}).`;
    case 'ping_timeout':
      return 'The connection opened, but nothing came back through it: something holds or drops the traffic after the connection is made.';
    case 'load':
      return 'The page could not load its connection code from this website.';
  }
}

function attemptDetails(attempt: RealtimeAttempt, url: string): string[] {
  const what = attempt.transport === 'websocket' ? 'WebSocket' : 'HTTP long-polling';
  if (attempt.ok) {
    const lines = [`${what} to ${url}: connected in ${formatMs(attempt.connectMs)}`];
    lines.push(
      attempt.rttMs === null
        ? `Not signed in (server answered: ${attempt.refused}); the connection itself was proven`
        : `Ping round trip through the connection: ${formatMs(attempt.rttMs)}`,
    );
    return lines;
  }
  return [
    `${what} to ${url}: ${attempt.stage}${attempt.status ? ` (HTTP ${attempt.status})` : ''}${attempt.code ? ` (${attempt.code})` : ''} after ${formatMs(attempt.elapsedMs)}`,
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
  const who = firebaseMode
    ? 'Teachers’ dashboards and projectors'
    : 'Students’ answers and teachers’ dashboards';
  const exempt = url.startsWith('https:')
    ? ' If your proxy inspects HTTPS, exempt this host from inspection: inspection often breaks WebSockets.'
    : '';
  const serverSide = (attempt: Extract<RealtimeAttempt, { ok: false }>) =>
    attempt.stage === 'refused' || attempt.stage === 'load';
  // The network let the attempt through and our server (or its token) failed it.
  const ourSideResult = (
    attempt: Extract<RealtimeAttempt, { ok: false }>,
    allowed: (typeof allow)['websocket'],
  ): CheckResult => ({
    outcome: 'warn',
    headline: `Reached ${host}, but the check could not finish.`,
    meaning: `${failureWords(attempt)} This is a problem on our side, not your network's: please send this summary to support.`,
    details: attemptDetails(attempt, url),
    allow: [allowed],
  });

  let websocketResult: CheckResult;
  if (websocket.ok) {
    websocketResult = {
      outcome: 'pass',
      headline: `WebSocket to ${host} works${websocket.rttMs === null ? '' : ` (round trip ${formatMs(websocket.rttMs)})`}.`,
      meaning: `${who} get live updates over a WebSocket, the fastest way.`,
      details: attemptDetails(websocket, url),
      allow: [allow.websocket],
    };
  } else if (serverSide(websocket)) {
    websocketResult = ourSideResult(websocket, allow.websocket);
  } else {
    const pollingWorks = polling?.ok === true;
    const cross = pollingWorks
      ? ' Plain HTTP requests to the same server work (see the next check), so it is the WebSocket itself that is blocked: typical of a proxy or firewall that does not allow WebSocket upgrades.'
      : polling && !polling.ok
        ? ' Plain HTTP requests to that server failed too, so the server cannot be reached from here at all: its host or port is blocked, or the service is down (if it is allowed everywhere, tell support).'
        : '';
    websocketResult = {
      outcome: pollingWorks ? 'warn' : 'fail',
      headline: `No WebSocket connection to ${host}.`,
      meaning: `${failureWords(websocket)}${cross} ${
        pollingWorks
          ? `${who} still work through the slower fallback, but updates arrive later and the connection drops more often.`
          : `${who} cannot work from this network.`
      } Allow WebSocket connections (the HTTP Upgrade request) to ${allow.websocket.host} port ${allow.websocket.port}.${exempt}`,
      details: attemptDetails(websocket, url),
      allow: [allow.websocket],
    };
  }

  let pollingResult: CheckResult;
  if (!polling) {
    pollingResult = {
      outcome: 'not_applicable',
      headline: 'Not used by this Classpulse deployment.',
      meaning:
        'This deployment’s live connection uses WebSocket only, so there is no HTTP fallback to test.',
      details: [],
      allow: [],
    };
  } else if (polling.ok) {
    pollingResult = {
      outcome: 'pass',
      headline: `HTTP long-polling to ${host} works${polling.rttMs === null ? '' : ` (round trip ${formatMs(polling.rttMs)})`}.`,
      meaning:
        'If WebSockets are ever blocked, the live connection falls back to ordinary HTTP requests, and that works here.',
      details: attemptDetails(polling, url),
      allow: [allow.polling],
    };
  } else if (serverSide(polling)) {
    pollingResult = ourSideResult(polling, allow.polling);
  } else {
    pollingResult = {
      outcome: websocket.ok ? 'warn' : 'fail',
      headline: `No HTTP long-polling connection to ${host}.`,
      meaning: `${failureWords(polling)} ${
        websocket.ok
          ? 'WebSocket works, so Classpulse uses it; the fallback matters only when WebSockets break.'
          : 'With WebSocket failing too, there is no way to the live connection.'
      } Allow HTTP${allow.polling.scheme === 'https' ? 'S' : ''} requests to ${allow.polling.host} port ${allow.polling.port}, including long-held requests (up to a minute); some proxies cut those off or buffer them.`,
      details: attemptDetails(polling, url),
      allow: [allow.polling],
    };
  }
  return { websocket: websocketResult, polling: pollingResult };
}
