import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import type { Logger } from 'pino';
import { Server } from 'socket.io';
import {
  protocolError,
  type ClientToServerEvents,
  type ServerToClientEvents,
} from '../protocol/index.ts';
import { Broadcaster } from './broadcaster.ts';
import { startCluster, type Cluster } from './cluster/cluster.ts';
import { systemClock, type Clock } from './clock.ts';
import { ConfigError, type RealtimeConfig } from './config.ts';
import { createHandshake } from './handshake.ts';
import { createHttpApi } from './http-api.ts';
import { createHealthLog } from './health/health-log.ts';
import { randomId } from './ids.ts';
import { jsonOnlyParser } from './json-parser.ts';
import { createLocalSessionOps, teacherSnapshot } from './local-session-ops.ts';
import { createLogger } from './logger.ts';
import { startInternalServer } from './internal-server.ts';
import { JoinLimiter } from './join-limiter.ts';
import { SyncBudget } from './sync-budget.ts';
import { createRealtimeMetrics, type RealtimeMetrics } from './metrics.ts';
import { studentsRoom, teacherRoom } from './rooms.ts';
import { SessionRegistry } from './session-registry.ts';
import type { SessionOps } from './session-ops.ts';
import type { InterServerEvents, SocketData } from './socket-data.ts';
import { registerSocketHandlers } from './socket-handlers.ts';
import type { SessionStore } from './store/session-store.ts';
import { createSqliteStore } from './store/sqlite-store.ts';
import { createFirebaseStore } from './store/firebase-store.ts';
import { openFirebaseAdmin } from '../firebase/admin-app.ts';
import { createTokenService, type TokenService } from './tokens.ts';

export interface RealtimeDeps {
  /**
   * Defaults to the SQLite store at `config.sqlitePath`, or with `config.redisUrl` to the shared
   * Redis store of a cluster (then this is ignored).
   */
  store?: SessionStore;
  clock?: Clock;
  logger?: Logger;
}

export interface RealtimeServer {
  /** The bound port (useful with `port: 0`). */
  port: number;
  url: string;
  /** /metrics and /healthz, for operators only. */
  internalUrl: string;
  io: Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;
  http: HttpServer;
  tokens: TokenService;
  registry: SessionRegistry;
  metrics: RealtimeMetrics;
  /** Set in cluster mode: this process among its peers. */
  cluster: Cluster | null;
  /** Stops accepting, disconnects clients, makes pending writes durable. Safe to call twice. */
  close(): Promise<void>;
}

export async function createRealtimeServer(
  config: RealtimeConfig,
  deps: RealtimeDeps = {},
): Promise<RealtimeServer> {
  if (!config.tokenSecret)
    throw new ConfigError('A token secret is required (REALTIME_TOKEN_SECRET).');
  const clock = deps.clock ?? systemClock;
  const logger = deps.logger ?? createLogger(config.logLevel);
  const cluster = config.redisUrl
    ? await startCluster({
        redisUrl: config.redisUrl,
        keyPrefix: config.redisKeyPrefix,
        leaseMs: config.sessionLeaseMs,
        rpcTimeoutMs: config.peerTimeoutMs,
        snapshotEvery: config.snapshotEvery,
        logger,
      })
    : null;
  const firebase = config.firebase && !deps.store ? openFirebaseAdmin(config.firebase) : null;
  // Firebase mode: sessions live in Firebase whether one process or several (then Redis still
  // gives each session one owner, and the store's seq claim fences a stale one).
  const store =
    (firebase
      ? createFirebaseStore({ database: firebase.database, onClose: () => firebase.close() })
      : null) ??
    cluster?.store ??
    deps.store ??
    createSqliteStore({
      path: config.sqlitePath,
      synchronous: config.sqliteSynchronous,
      snapshotEvery: config.snapshotEvery,
    });
  const metrics = createRealtimeMetrics();
  const tokens = createTokenService({
    secret: config.tokenSecret,
    teacherTtlSeconds: config.teacherTokenTtlSeconds,
    studentTtlSeconds: config.studentTokenTtlSeconds,
  });
  const registry = new SessionRegistry({
    store,
    clock,
    logger,
    metrics,
    // This process among all that ever held a session (health records tell restarts by it).
    health: createHealthLog(store, cluster?.processId ?? randomId()),
    presenceGoneAfterMs: config.presenceGoneAfterMs,
    sessionIdleEvictMs: config.sessionIdleEvictMs,
    ...(cluster ? { ownership: cluster.ownership } : {}),
  });

  let closing = false;
  // Deadlines for a request's headers (slowloris; checked every few seconds, not Node's 30) and
  // a connection cap. socket.io's long-polling requests are short, so the request deadline is too.
  const http = createServer({
    headersTimeout: config.headersTimeoutMs,
    requestTimeout: Math.max(60_000, config.headersTimeoutMs + 1_000),
    connectionsCheckingInterval: Math.min(5_000, Math.ceil(config.headersTimeoutMs / 2)),
  });
  http.maxConnections = config.maxConnections;
  http.on('drop', () => metrics.countRejected('too_many_connections'));
  // Node's own answer to a request too slow or malformed (408 / 431 / 400), counted: a listener
  // here replaces Node's default, so it answers (and frees the socket) the same way.
  http.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    if (error.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    const timeout = error.code === 'ERR_HTTP_REQUEST_TIMEOUT';
    metrics.countHttpRefused(timeout ? 'timeout' : 'bad_request');
    const status = timeout
      ? '408 Request Timeout'
      : error.code === 'HPE_HEADER_OVERFLOW'
        ? '431 Request Header Fields Too Large'
        : '400 Bad Request';
    socket.write(`HTTP/1.1 ${status}\r\nConnection: close\r\n\r\n`);
    socket.destroy();
  });
  const io: RealtimeServer['io'] = new Server(http, {
    serveClient: false,
    parser: jsonOnlyParser,
    // Hard transport cap; per-message limits below it give a typed error instead of a disconnect.
    maxHttpBufferSize: 1024 * 1024,
    pingInterval: config.pingIntervalMs,
    pingTimeout: config.pingTimeoutMs,
    transports: config.websocketOnly ? ['websocket'] : ['polling', 'websocket'],
    cors: { origin: config.corsOrigins === '*' ? true : config.corsOrigins, credentials: false },
    ...(cluster ? { adapter: cluster.adapter } : {}),
  });
  const broadcaster = new Broadcaster(io, config.studentBroadcastIntervalMs, cluster === null);
  const local = createLocalSessionOps({ registry, clock, logger });
  const ops: SessionOps = cluster
    ? cluster.connect(io, registry, local, (sessionId) => {
        const live = registry.peek(sessionId);
        if (live) broadcaster.resync(live, teacherSnapshot(live, clock));
      })
    : local;

  registry.setHooks({
    committed: (live, events, origin) => broadcaster.committed(live, events, origin),
    presenceChanged: (live, studentId) => broadcaster.presenceChanged(live, studentId),
    evicted: (live) => broadcaster.evicted(live),
  });

  // One limiter for socket and HTTP joins alike.
  const joinLimiter = new JoinLimiter(config.joinLimits, clock);
  io.use(
    createHandshake({
      ops,
      tokens,
      clock,
      logger,
      metrics,
      rateLimitPerSecond: config.rateLimitPerSecond,
      rateLimitBurst: config.rateLimitBurst,
      joinLimiter,
      trustProxy: config.trustProxy,
    }),
  );
  registerSocketHandlers(io, {
    ops,
    clock,
    logger,
    metrics,
    tokens,
    socketsPerStudent: config.socketsPerStudent,
    syncsPerMinutePerSocket: config.syncsPerMinutePerSocket,
    refusalsBeforeDisconnect: config.refusalsBeforeDisconnect,
    // 2 MiB/s of sync replies per session, 8 MiB at once (a class of 60 catching up at 120 KiB).
    syncBudget: new SyncBudget(512, 2_048, clock),
  });

  const httpApi = createHttpApi({
    ops,
    tokens,
    metrics,
    logger,
    corsOrigins: config.corsOrigins,
    isHealthy: () => !closing,
    sessionIdleEndMs: config.sessionIdleEndMs,
    joinLimiter,
    trustProxy: config.trustProxy,
    processId: cluster?.processId,
    sessionDeleted: (sessionId) => {
      for (const room of [teacherRoom(sessionId), studentsRoom(sessionId)]) {
        io.to(room).emit(
          'session:closed',
          protocolError('session_not_found', 'The session was deleted.'),
        );
        io.in(room).disconnectSockets(true);
      }
    },
    studentErased: (sessionId, studentId) => {
      // Its own sockets (across processes with the Redis adapter); their tokens no longer admit.
      const sockets = io.in(studentsRoom(sessionId)).fetchSockets();
      sockets
        .then((found) => {
          for (const socket of found)
            if (socket.data.role === 'student' && socket.data.studentId === studentId) {
              socket.emit(
                'session:closed',
                protocolError('student_not_found', 'Your data was erased from this session.'),
              );
              socket.disconnect(true);
            }
        })
        .catch((error: unknown) =>
          logger.warn({ err: error }, 'disconnecting an erased student failed'),
        );
    },
  });
  // engine.io answers its own path (long-polling) from the listener it attached above; a
  // listener added after that runs for every request, so the API must leave that path alone or
  // its 404 reaches the polling client first and the HTTP fallback never connects.
  const enginePath = `${io.path()}/`;
  http.on('request', (req, res) => {
    if (!req.url?.startsWith(enginePath)) httpApi(req, res);
  });

  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(config.port, config.host, () => {
      http.off('error', reject);
      resolve();
    });
  });
  const port = (http.address() as AddressInfo).port;
  const internal = await startInternalServer(
    config.internalHost,
    config.internalPort,
    metrics,
    () => !closing,
  );
  logger.info({ port, internalUrl: internal.url }, 'realtime tier listening');
  const host = config.host === '0.0.0.0' || config.host === '::' ? '127.0.0.1' : config.host;

  let closed: Promise<void> | null = null;
  return {
    port,
    url: `http://${host}:${port}`,
    internalUrl: internal.url,
    io,
    http,
    tokens,
    registry,
    metrics,
    cluster,
    close() {
      closed ??= (async () => {
        closing = true;
        registry.close();
        // io.close() drops connections without a disconnect packet, so clients treat it like a
        // network loss and reconnect by themselves (to this process after a restart, or a peer).
        await new Promise<void>((resolve) => {
          void io.close(() => resolve());
          http.closeAllConnections();
        });
        // The cluster closes its own (Redis) store; a Firebase store is closed here either way.
        await internal.close();
        if (cluster) await cluster.close();
        if (!cluster || firebase) await store.close();
        logger.info('realtime tier stopped');
      })();
      return closed;
    },
  };
}
