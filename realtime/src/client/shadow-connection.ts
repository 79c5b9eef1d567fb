import { io, type Socket } from 'socket.io-client';
import { isProtocolError, PROTOCOL_VERSION, type ErrorCode } from '../protocol/index.ts';

/** The socket.io transport a shadow connection reached. */
export type ShadowTransport = 'websocket' | 'polling';

/**
 * Where a connect attempt failed, as far as a browser can tell (realtime/README.md, "Dark
 * launch"). Browsers give a failed WebSocket or XHR no reason at all, and Resource Timing has
 * only zeros for a failed cross-origin request, so DNS, TCP and TLS cannot be told apart:
 * `network` is "the host could not be reached".
 */
export type ShadowFailureStage = 'network' | 'upgrade' | 'handshake' | 'auth' | 'timeout';

export type ShadowObservation =
  | {
      type: 'connected';
      transport: ShadowTransport;
      /** From the start of the attempt (a failed WebSocket step included) to `connect`. */
      durationMs: number;
      /** The shadow had been connected before: a reconnect after a drop. */
      reconnect: boolean;
    }
  | { type: 'failed'; stage: ShadowFailureStage; durationMs: number; reconnect: boolean }
  /** socket.io's disconnect reason ("transport close", "ping timeout", …). */
  | { type: 'disconnected'; reason: string }
  | { type: 'rtt'; transport: ShadowTransport; rttMs: number };

export interface ShadowConnectionOptions {
  /** The realtime tier, as the socket transport would reach it. */
  url: string;
  /** A shadow token (role `shadow`: may only ping); null when none can be had right now. */
  token(): Promise<string | null>;
  observe(observation: ShadowObservation): void;
  /** How long each step (WebSocket, long-polling, reachability) may take. */
  stepTimeoutMs?: number;
  pingIntervalMs?: number;
  /** After a failed attempt; doubles with every failure in a row, up to ten minutes. */
  retryDelayMs?: number;
  /** After a drop, before reconnecting. */
  reconnectDelayMs?: number;
  fetch?: typeof fetch;
}

export interface ShadowConnection {
  stop(): void;
}

/** The server refused who we are, not the connection. */
const AUTH_CODES = new Set<ErrorCode>([
  'unauthorized',
  'forbidden',
  'unsupported_protocol_version',
]);
const RETRY_DELAY_MAX_MS = 10 * 60_000;

type Step =
  | { kind: 'connected'; socket: Socket }
  /** The server was reached and said no (or never confirmed the connection). */
  | { kind: 'refused'; stage: 'auth' | 'handshake' }
  /** The transport failed before reaching our server; `httpStatus` > 0 when a host answered. */
  | { kind: 'error'; httpStatus: number }
  | { kind: 'timeout' };

/**
 * A dark-launch connection: a student page on Firebase also connects to the realtime tier as
 * the socket transport would (WebSocket first, long-polling as the fallback), with a token that
 * may only ping, and reports what happened: whether and how it connected, how long that took,
 * why it dropped, reconnects, and the round trip of a ping every `pingIntervalMs`. It carries
 * no answers and never throws into the page.
 *
 * Each attempt is made in explicit steps, so a failure can be placed:
 * 1. WebSocket only. Connected: done. The server refused the handshake: `auth` (token, role or
 *    protocol version) or `handshake` (anything else, or no confirmation after the transport
 *    opened).
 * 2. Long-polling only. Connected: done (the WebSocket fallback). Refused: as above.
 * 3. Neither opened: is the host reachable over HTTP(S) at all? A polling request that got an
 *    HTTP status, or a plain `GET /healthz` that answered, says DNS, TCP and TLS work and the
 *    socket.io transports are blocked: `upgrade` (a proxy stripping WebSocket upgrades, or our
 *    ingress). Otherwise `timeout` when both steps only timed out, else `network`.
 *
 * Attempts wait while the browser is offline or the page is hidden (a locked phone is not a
 * network failure).
 */
export function startShadowConnection(options: ShadowConnectionOptions): ShadowConnection {
  const stepTimeoutMs = options.stepTimeoutMs ?? 10_000;
  const pingIntervalMs = options.pingIntervalMs ?? 30_000;
  const retryDelayMs = options.retryDelayMs ?? 30_000;
  const reconnectDelayMs = options.reconnectDelayMs ?? 1_000;
  const doFetch = options.fetch ?? ((...args: Parameters<typeof fetch>) => fetch(...args));
  let stopped = false;
  let everConnected = false;
  let failuresInARow = 0;
  let current: Socket | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let pingTimer: ReturnType<typeof setInterval> | null = null;
  let stopWaiting: (() => void) | null = null;

  const observe = (o: ShadowObservation) => {
    if (stopped) return;
    try {
      options.observe(o);
    } catch {
      // Reporting is best effort.
    }
  };

  function tryTransport(transport: ShadowTransport, token: string): Promise<Step> {
    return new Promise((resolve) => {
      const socket = io(options.url, {
        transports: [transport],
        upgrade: false,
        reconnection: false,
        forceNew: true,
        timeout: stepTimeoutMs,
        auth: { v: PROTOCOL_VERSION, token },
      });
      let opened = false;
      socket.io.on('open', () => (opened = true));
      // The manager times out only the transport; this also bounds the socket.io handshake.
      const deadline = setTimeout(
        () => finish(opened ? { kind: 'refused', stage: 'handshake' } : { kind: 'timeout' }),
        stepTimeoutMs + 1_000,
      );
      let done = false;
      const finish = (step: Step) => {
        if (done) return;
        done = true;
        clearTimeout(deadline);
        socket.off('connect');
        socket.off('connect_error');
        if (step.kind !== 'connected') socket.close();
        resolve(step);
      };
      socket.once('connect', () => finish({ kind: 'connected', socket }));
      socket.once('connect_error', (error: Error & { data?: unknown; description?: unknown }) => {
        if (isProtocolError(error.data))
          return finish({
            kind: 'refused',
            stage: AUTH_CODES.has(error.data.code) ? 'auth' : 'handshake',
          });
        if (opened) return finish({ kind: 'refused', stage: 'handshake' });
        if (error.message === 'timeout') return finish({ kind: 'timeout' });
        // engine.io's polling error carries the XHR's status (0: no HTTP answer at all).
        const status = typeof error.description === 'number' ? error.description : 0;
        finish({ kind: 'error', httpStatus: status });
      });
    });
  }

  /** Whether the host answers plain HTTP(S): the request is opaque, only its arrival counts. */
  async function reachable(): Promise<boolean> {
    try {
      await doFetch(new URL('/healthz', options.url).href, {
        mode: 'no-cors',
        cache: 'no-store',
        credentials: 'omit',
        signal: AbortSignal.timeout(stepTimeoutMs),
      });
      return true;
    } catch {
      return false;
    }
  }

  async function attempt(): Promise<void> {
    timer = null;
    const token = await options.token().catch(() => null);
    if (stopped) return;
    // No token is the web app's trouble, not the tier's: nothing to report; try later.
    if (!token) return schedule(retryDelayMs);
    const reconnect = everConnected;
    const started = performance.now();
    const elapsed = () => performance.now() - started;
    const failed = (stage: ShadowFailureStage) => {
      observe({ type: 'failed', stage, durationMs: elapsed(), reconnect });
      failuresInARow += 1;
      const delay = Math.min(RETRY_DELAY_MAX_MS, retryDelayMs * 2 ** (failuresInARow - 1));
      schedule(delay * (0.8 + Math.random() * 0.4));
    };

    const ws = await tryTransport('websocket', token);
    if (ws.kind === 'connected') return connected(ws.socket, 'websocket', elapsed(), reconnect);
    if (stopped) return;
    if (ws.kind === 'refused') return failed(ws.stage);
    const polling = await tryTransport('polling', token);
    if (polling.kind === 'connected')
      return connected(polling.socket, 'polling', elapsed(), reconnect);
    if (stopped) return;
    if (polling.kind === 'refused') return failed(polling.stage);
    if ((polling.kind === 'error' && polling.httpStatus > 0) || (await reachable()))
      return failed('upgrade');
    if (stopped) return;
    failed(ws.kind === 'timeout' && polling.kind === 'timeout' ? 'timeout' : 'network');
  }

  function connected(
    socket: Socket,
    transport: ShadowTransport,
    durationMs: number,
    reconnect: boolean,
  ): void {
    if (stopped) {
      socket.close();
      return;
    }
    current = socket;
    everConnected = true;
    failuresInARow = 0;
    observe({ type: 'connected', transport, durationMs, reconnect });
    socket.on('disconnect', (reason) => {
      if (stopped || current !== socket) return;
      current = null;
      if (pingTimer) clearInterval(pingTimer);
      pingTimer = null;
      observe({ type: 'disconnected', reason });
      socket.close();
      schedule(reconnectDelayMs);
    });
    const ping = async () => {
      if (!socket.connected) return;
      const started = performance.now();
      try {
        const ack: unknown = await socket
          .timeout(stepTimeoutMs)
          .emitWithAck('ping', { sentAt: Date.now() });
        if ((ack as { ok?: unknown } | null)?.ok === true)
          observe({ type: 'rtt', transport, rttMs: performance.now() - started });
      } catch {
        // No answer in time: the disconnect (if it is one) is reported by itself.
      }
    };
    void ping();
    pingTimer = setInterval(() => void ping(), pingIntervalMs);
  }

  /** Runs an attempt after `delayMs`, once the browser is online and the page visible. */
  function schedule(delayMs: number): void {
    if (stopped) return;
    timer = setTimeout(() => {
      timer = null;
      stopWaiting = whenUsable(() => {
        stopWaiting = null;
        if (!stopped) void attempt();
      });
    }, delayMs);
  }

  stopWaiting = whenUsable(() => {
    stopWaiting = null;
    void attempt();
  });

  return {
    stop() {
      if (stopped) return;
      stopped = true;
      if (timer) clearTimeout(timer);
      if (pingTimer) clearInterval(pingTimer);
      stopWaiting?.();
      current?.close();
      current = null;
    },
  };
}

/**
 * Calls `run` now if the browser says it is online and the page is visible, else when it is
 * both; returns a function that cancels the wait. Outside browsers it runs at once.
 */
function whenUsable(run: () => void): () => void {
  const nav = (globalThis as { navigator?: { onLine?: boolean } }).navigator;
  const doc = (globalThis as { document?: Document }).document;
  const usable = () => nav?.onLine !== false && doc?.visibilityState !== 'hidden';
  if (usable()) {
    run();
    return () => undefined;
  }
  const check = () => {
    if (!usable()) return;
    cancel();
    run();
  };
  const cancel = () => {
    globalThis.removeEventListener?.('online', check);
    doc?.removeEventListener('visibilitychange', check);
  };
  globalThis.addEventListener?.('online', check);
  doc?.addEventListener('visibilitychange', check);
  return cancel;
}
