import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import {
  ConfigError,
  configError,
  envBool,
  envInt,
  envLogLevel,
  envSecret,
  parseEnv,
} from '../env/index.ts';
import type { JoinLimits } from './join-limiter.ts';
import {
  firebaseAdminConfig,
  firebaseEnvSchema,
  FirebaseConfigError,
  type FirebaseAdminConfig,
} from '../firebase/config.ts';

/** Repository-local data folder: the embedded default needs no setup. */
const DEFAULT_DATA_DIR = fileURLToPath(new URL('../../../.data', import.meta.url));

/**
 * The realtime tier's whole configuration. The only module that reads `process.env`; every
 * variable is listed in .env.example. Units are in the names.
 */
const envSchema = z.object({
  REALTIME_HOST: z.string().min(1).default('0.0.0.0'),
  REALTIME_PORT: envInt(0, 65535).default(4100),
  /**
   * /metrics and /healthz for operators, never on the public port students reach. Loopback by
   * default; Kubernetes binds it to the pod's address for Prometheus.
   */
  REALTIME_INTERNAL_HOST: z.string().min(1).default('127.0.0.1'),
  REALTIME_INTERNAL_PORT: envInt(0, 65535).default(4101),
  CLASSPULSE_DATA_DIR: z.string().min(1).default(DEFAULT_DATA_DIR),
  REALTIME_SQLITE_PATH: z.string().min(1).optional(),
  REALTIME_SQLITE_SYNCHRONOUS: z.enum(['full', 'normal']).default('full'),
  REALTIME_SNAPSHOT_EVERY: envInt(1, 1_000_000).default(200),
  /** HMAC secret for signing tokens; at least 32 characters. Generated into the data folder when unset. */
  REALTIME_TOKEN_SECRET: envSecret('REALTIME_TOKEN_SECRET').optional(),
  REALTIME_TEACHER_TOKEN_TTL_SECONDS: envInt(60, 30 * 24 * 3600).default(12 * 3600),
  REALTIME_STUDENT_TOKEN_TTL_SECONDS: envInt(60, 30 * 24 * 3600).default(24 * 3600),
  /** Comma-separated origins allowed to call from a browser, or "*". Auth is by token, not cookie. */
  REALTIME_CORS_ORIGINS: z.string().default('*'),
  REALTIME_RATE_LIMIT_PER_SECOND: envInt(1, 100_000).default(20),
  REALTIME_RATE_LIMIT_BURST: envInt(1, 100_000).default(40),
  /**
   * `session:sync` (a whole view for a few bytes) per socket: a client needs one after a gap,
   * not a stream of them. Three at once, then this many a minute.
   */
  REALTIME_SYNCS_PER_MINUTE_PER_SOCKET: envInt(1, 6_000).default(6),
  /**
   * A socket whose last this many messages were all refused for their rate is closed: a client
   * that ignores "slow down" costs the process a refusal per message otherwise.
   */
  REALTIME_REFUSALS_BEFORE_DISCONNECT: envInt(10, 100_000).default(30),
  REALTIME_PRESENCE_GONE_AFTER_MS: envInt(1_000, 3_600_000).default(30_000),
  REALTIME_SESSION_IDLE_EVICT_MS: envInt(1_000, 24 * 3_600_000).default(10 * 60_000),
  REALTIME_STUDENT_BROADCAST_INTERVAL_MS: envInt(0, 10_000).default(250),
  REALTIME_PING_INTERVAL_MS: envInt(1_000, 300_000).default(25_000),
  REALTIME_PING_TIMEOUT_MS: envInt(1_000, 300_000).default(20_000),
  REALTIME_SHUTDOWN_GRACE_MS: envInt(0, 120_000).default(10_000),
  REALTIME_LOG_LEVEL: envLogLevel.default('info'),
  REALTIME_WEBSOCKET_ONLY: envBool.default(false),
  /** Set: run as one of several processes sharing this Redis (sessions stored there, not SQLite). */
  REALTIME_REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\/\S+$/, 'REALTIME_REDIS_URL must look like redis://host:6379.')
    .optional(),
  REALTIME_REDIS_KEY_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9:_-]{0,32}$/, 'REALTIME_REDIS_KEY_PREFIX: letters, digits, ":", "_", "-".')
    .default('cp:'),
  /** How long a dead process keeps its sessions before another takes them over. */
  REALTIME_SESSION_LEASE_MS: envInt(1_000, 120_000).default(10_000),
  REALTIME_PEER_TIMEOUT_MS: envInt(100, 60_000).default(2_000),
  /**
   * Sockets one student keeps on one process (two tabs and a phone); a newer one closes the
   * oldest, so a copied token cannot open thousands, each with its own rate allowance.
   */
  REALTIME_SOCKETS_PER_STUDENT: envInt(1, 20).default(3),
  /**
   * A session whose teacher has changed nothing for this long takes no new students (its code
   * stops working; those in it stay). 0: never.
   */
  REALTIME_SESSION_IDLE_END_MS: envInt(0, 365 * 24 * 3_600_000).default(12 * 3_600_000),
  /** Open TCP connections one process keeps at most (students' sockets included). */
  REALTIME_MAX_CONNECTIONS: envInt(16, 1_000_000).default(40_000),
  /** A client has this long to send an HTTP request's headers (slowloris). */
  REALTIME_HEADERS_TIMEOUT_MS: envInt(1_000, 120_000).default(15_000),
  /**
   * New students joining by code, per source address (a whole school may share one) and per
   * session code: sustained joins per second, and how many at once.
   */
  REALTIME_JOINS_PER_SECOND_PER_SOURCE: envInt(1, 100_000).default(5),
  REALTIME_JOIN_BURST_PER_SOURCE: envInt(1, 100_000).default(120),
  REALTIME_JOINS_PER_SECOND_PER_CODE: envInt(1, 100_000).default(20),
  REALTIME_JOIN_BURST_PER_CODE: envInt(1, 100_000).default(300),
  /**
   * Which peers may name a join's real source in X-Forwarded-For: `loopback` (the embedded web
   * app) or `private` (also an ingress or the web tier inside the cluster's private network).
   */
  REALTIME_TRUSTED_PROXIES: z.enum(['loopback', 'private']).default('loopback'),
  /** Firebase mode (FIREBASE_DATABASE_URL and a service account): sessions live in Firebase. */
  ...firebaseEnvSchema.shape,
});

export interface RealtimeConfig {
  host: string;
  port: number;
  internalHost: string;
  internalPort: number;
  dataDir: string;
  sqlitePath: string;
  sqliteSynchronous: 'full' | 'normal';
  snapshotEvery: number;
  socketsPerStudent: number;
  /** New sessions' `idleEndMs` (0: never). */
  sessionIdleEndMs: number;
  joinLimits: JoinLimits;
  trustProxy: 'loopback' | 'private';
  maxConnections: number;
  headersTimeoutMs: number;
  /** Unset: main.ts generates one into the data folder. */
  tokenSecret: string | undefined;
  teacherTokenTtlSeconds: number;
  studentTokenTtlSeconds: number;
  corsOrigins: '*' | string[];
  rateLimitPerSecond: number;
  rateLimitBurst: number;
  syncsPerMinutePerSocket: number;
  refusalsBeforeDisconnect: number;
  presenceGoneAfterMs: number;
  sessionIdleEvictMs: number;
  studentBroadcastIntervalMs: number;
  pingIntervalMs: number;
  pingTimeoutMs: number;
  shutdownGraceMs: number;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** Production behind a non-sticky load balancer: refuse HTTP long-polling. */
  websocketOnly: boolean;
  /** Cluster mode (several processes, one Redis) when set; the embedded SQLite store otherwise. */
  redisUrl: string | undefined;
  redisKeyPrefix: string;
  sessionLeaseMs: number;
  /** How long a process waits for a peer's answer before looking for the session's owner again. */
  peerTimeoutMs: number;
  /** Firebase mode: sessions are stored in the Realtime Database (see firebase/README.md). */
  firebase: FirebaseAdminConfig | undefined;
}

export { ConfigError };

const REALTIME = { what: 'realtime' };

export function loadRealtimeConfig(
  env: Record<string, string | undefined> = process.env,
): RealtimeConfig {
  const e = parseEnv(envSchema, env, REALTIME);
  let firebase: FirebaseAdminConfig | undefined;
  try {
    firebase = firebaseAdminConfig(e);
  } catch (error) {
    if (error instanceof FirebaseConfigError) throw configError(REALTIME, [error.message]);
    throw error;
  }
  const origins = e.REALTIME_CORS_ORIGINS.trim();
  return {
    host: e.REALTIME_HOST,
    port: e.REALTIME_PORT,
    internalHost: e.REALTIME_INTERNAL_HOST,
    internalPort: e.REALTIME_INTERNAL_PORT,
    dataDir: e.CLASSPULSE_DATA_DIR,
    sqlitePath: e.REALTIME_SQLITE_PATH ?? `${e.CLASSPULSE_DATA_DIR}/realtime.sqlite`,
    sqliteSynchronous: e.REALTIME_SQLITE_SYNCHRONOUS,
    snapshotEvery: e.REALTIME_SNAPSHOT_EVERY,
    tokenSecret: e.REALTIME_TOKEN_SECRET,
    teacherTokenTtlSeconds: e.REALTIME_TEACHER_TOKEN_TTL_SECONDS,
    studentTokenTtlSeconds: e.REALTIME_STUDENT_TOKEN_TTL_SECONDS,
    corsOrigins:
      origins === '*'
        ? '*'
        : origins
            .split(',')
            .map((o) => o.trim())
            .filter(Boolean),
    rateLimitPerSecond: e.REALTIME_RATE_LIMIT_PER_SECOND,
    rateLimitBurst: e.REALTIME_RATE_LIMIT_BURST,
    syncsPerMinutePerSocket: e.REALTIME_SYNCS_PER_MINUTE_PER_SOCKET,
    refusalsBeforeDisconnect: e.REALTIME_REFUSALS_BEFORE_DISCONNECT,
    presenceGoneAfterMs: e.REALTIME_PRESENCE_GONE_AFTER_MS,
    sessionIdleEvictMs: e.REALTIME_SESSION_IDLE_EVICT_MS,
    studentBroadcastIntervalMs: e.REALTIME_STUDENT_BROADCAST_INTERVAL_MS,
    pingIntervalMs: e.REALTIME_PING_INTERVAL_MS,
    pingTimeoutMs: e.REALTIME_PING_TIMEOUT_MS,
    shutdownGraceMs: e.REALTIME_SHUTDOWN_GRACE_MS,
    logLevel: e.REALTIME_LOG_LEVEL,
    websocketOnly: e.REALTIME_WEBSOCKET_ONLY,
    redisUrl: e.REALTIME_REDIS_URL,
    redisKeyPrefix: e.REALTIME_REDIS_KEY_PREFIX,
    sessionLeaseMs: e.REALTIME_SESSION_LEASE_MS,
    peerTimeoutMs: e.REALTIME_PEER_TIMEOUT_MS,
    socketsPerStudent: e.REALTIME_SOCKETS_PER_STUDENT,
    sessionIdleEndMs: e.REALTIME_SESSION_IDLE_END_MS,
    joinLimits: {
      perSourcePerSecond: e.REALTIME_JOINS_PER_SECOND_PER_SOURCE,
      perSourceBurst: e.REALTIME_JOIN_BURST_PER_SOURCE,
      perCodePerSecond: e.REALTIME_JOINS_PER_SECOND_PER_CODE,
      perCodeBurst: e.REALTIME_JOIN_BURST_PER_CODE,
    },
    trustProxy: e.REALTIME_TRUSTED_PROXIES,
    maxConnections: e.REALTIME_MAX_CONNECTIONS,
    headersTimeoutMs: e.REALTIME_HEADERS_TIMEOUT_MS,
    firebase,
  };
}

/** Test and embedding helper: the defaults with some fields replaced. */
export function realtimeConfig(overrides: Partial<RealtimeConfig> = {}): RealtimeConfig {
  // Any free internal port: tests and embedders run several servers side by side.
  return { ...loadRealtimeConfig({}), internalPort: 0, ...overrides };
}
