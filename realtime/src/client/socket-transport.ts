import { io, type ManagerOptions, type Socket, type SocketOptions } from 'socket.io-client';
import {
  isProtocolError,
  protocolError,
  type ClientToServerEvents,
  type HandshakeAuth,
  type PingAck,
  type ProtocolError,
  type ServerToClientEvents,
} from '../protocol/index.ts';
import { clampRtt, type SessionTransport, type TransportListener } from './transport.ts';

export interface SocketTransportOptions {
  url: string;
  /** Default: WebSocket first, long-polling as fallback for networks that block upgrades. */
  transports?: Array<'websocket' | 'polling'>;
  ackTimeoutMs?: number;
  /** Delay before retrying after the server refused the handshake with a retryable error. */
  retryDelayMs?: number;
  socketOptions?: Partial<ManagerOptions & SocketOptions>;
}

type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** Handshake refusals that retrying cannot fix. */
const isFatal = (error: ProtocolError) => !error.retryable;

export function createSocketTransport(options: SocketTransportOptions): SessionTransport {
  const ackTimeoutMs = options.ackTimeoutMs ?? 10_000;
  let socket: ClientSocket | null = null;
  let closedByServer = false;
  let everConnected = false;
  let retryTimer: ReturnType<typeof setTimeout> | null = null;
  let stopWatching: (() => void) | null = null;

  /**
   * A browser that reports going offline is treated as disconnected at once (a dead socket can
   * otherwise look alive until the heartbeat times out), and reconnects as soon as it is back.
   */
  function watchBrowserConnectivity(s: ClientSocket): void {
    const target = globalThis as {
      addEventListener?: (e: string, f: () => void) => void;
      removeEventListener?: (e: string, f: () => void) => void;
    };
    if (typeof target.addEventListener !== 'function') return;
    const offline = () => {
      if (s.connected) s.io.engine.close();
    };
    const online = () => {
      if (!s.connected && !closedByServer) s.connect();
    };
    target.addEventListener('offline', offline);
    target.addEventListener('online', online);
    stopWatching = () => {
      target.removeEventListener?.('offline', offline);
      target.removeEventListener?.('online', online);
    };
  }

  /** Sends only while connected: the SessionClient's outbox, not socket.io's buffer, retries. */
  async function request<T extends object>(
    event: keyof ClientToServerEvents,
    ...args: unknown[]
  ): Promise<T | ProtocolError> {
    if (!socket?.connected) return protocolError('unavailable', 'Not connected.');
    try {
      const timed = socket.timeout(ackTimeoutMs) as unknown as {
        emitWithAck(e: string, ...a: unknown[]): Promise<unknown>;
      };
      const result = await timed.emitWithAck(event, ...args);
      return (
        typeof result === 'object' && result !== null ? result : protocolError('internal_error')
      ) as T;
    } catch {
      return protocolError('unavailable', 'No answer from the server in time.');
    }
  }

  return {
    name: 'socket',
    connect(auth: () => HandshakeAuth, listener: TransportListener) {
      closedByServer = false;
      everConnected = false;
      listener.status('connecting');
      const s: ClientSocket = io(options.url, {
        transports: options.transports ?? ['websocket', 'polling'],
        tryAllTransports: true,
        reconnectionDelay: 500,
        reconnectionDelayMax: 5_000,
        randomizationFactor: 0.5,
        auth: (cb) => cb(auth()),
        ...options.socketOptions,
      });
      socket = s;
      s.on('connect', () => {
        everConnected = true;
        listener.status('connected');
      });
      s.on('disconnect', (reason) => {
        if (closedByServer) return;
        listener.status('reconnecting');
        // A server-side disconnect is not retried by socket.io itself; we were not told to stop.
        if (reason === 'io server disconnect') s.connect();
      });
      s.on('connect_error', (err) => {
        const data = (err as Error & { data?: unknown }).data;
        if (!isProtocolError(data)) {
          listener.status(everConnected ? 'reconnecting' : 'connecting');
          return; // network trouble: socket.io keeps retrying
        }
        if (isFatal(data)) {
          closedByServer = true;
          listener.status('closed', data);
          s.close();
          return;
        }
        listener.status('reconnecting', data);
        retryTimer = setTimeout(() => s.connect(), options.retryDelayMs ?? 1_000);
      });
      watchBrowserConnectivity(s);
      s.on('session:welcome', (w) => listener.welcome(w));
      s.on('student:session', (v) => listener.studentSession(v));
      s.on('student:self', (v) => listener.studentSelf(v));
      s.on('teacher:snapshot', (v) => listener.teacherSnapshot(v));
      s.on('teacher:delta', (d) => listener.teacherDelta(d));
      s.on('session:closed', (reason) => {
        closedByServer = true;
        listener.closed(reason);
        listener.status('closed', reason);
        s.close();
      });
    },
    submit: (message) => request('student:submit', message),
    navigate: (message) => request('student:navigate', message),
    command: (message) => request('teacher:command', message),
    sync: () => request('session:sync'),
    ping: () => request('ping', { sentAt: Date.now() }),
    renew: (token) => request('auth:renew', token),
    async reportRtt(previousMs) {
      const started = performance.now();
      const sentAt = Date.now();
      const ack = await request<PingAck>(
        'ping',
        previousMs === null ? { sentAt } : { sentAt, rttMs: clampRtt(previousMs) },
      );
      return ack.ok ? Math.round(performance.now() - started) : null;
    },
    close() {
      stopWatching?.();
      stopWatching = null;
      if (retryTimer) clearTimeout(retryTimer);
      closedByServer = true;
      socket?.close();
      socket = null;
    },
  };
}
