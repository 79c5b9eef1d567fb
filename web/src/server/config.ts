import {
  firebaseAdminConfig,
  firebaseEnvSchema,
  type FirebaseAdminConfig,
} from '@classpulse/realtime/firebase-config';
import type { FirebaseWebConfig } from '@classpulse/realtime/client/firebase';
import type { StudentTransport } from '@classpulse/realtime/protocol';
import { envInt, envSecret, parseEnv } from '@classpulse/realtime/env';
import { z } from 'zod';
import type { DatabaseTarget } from './data/connect.ts';
import type { MetricsDestination } from '../lib/use-page-metrics.ts';

/**
 * The web app's configuration; the only web module that reads `process.env`. The embedded
 * launcher (src/embedded/main.ts) resolves the data folder and shared secrets and passes them
 * down through the environment, because Next bundles route handlers and they cannot rely on
 * their own file location.
 */
const studentTransportSchema = z.enum(['firebase', 'socket'] satisfies StudentTransport[]);

const envSchema = z.object({
  CLASSPULSE_DATA_DIR: z.string().min(1).default('.data'),
  WEB_SQLITE_PATH: z.string().min(1).optional(),
  /**
   * PostgreSQL for the web tier's data (accounts, decks, the session library, uploads), e.g.
   * postgres://classpulse:…@db:5432/classpulse. Unset: the SQLite file WEB_SQLITE_PATH.
   */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\/\S+$/, 'DATABASE_URL: a postgres:// or postgresql:// URL.')
    .optional(),
  /** Connections each web process keeps to PostgreSQL at most. */
  WEB_DATABASE_POOL_MAX: envInt(1, 100).default(10),
  /**
   * School sign-in (OpenID Connect: Google Workspace, Microsoft Entra ID, Clever, ClassLink, …):
   * the issuer, this deployment's client, and the email domains whose teachers may sign in.
   */
  OIDC_ISSUER_URL: z.url().optional(),
  OIDC_CLIENT_ID: z.string().min(1).max(500).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).max(2000).optional(),
  /** Comma-separated, e.g. `district.org,school.district.org`. Required with OIDC_ISSUER_URL. */
  OIDC_ALLOWED_EMAIL_DOMAINS: z.string().max(2000).optional(),
  /**
   * Comma-separated email domains whose students may sign in to sessions that ask students to
   * sign in (often a students' subdomain). Default: OIDC_ALLOWED_EMAIL_DOMAINS.
   */
  OIDC_STUDENT_EMAIL_DOMAINS: z.string().max(2000).optional(),
  /** Comma-separated addresses that become admins at their first school sign-in. */
  OIDC_ADMIN_EMAILS: z.string().max(5000).optional(),
  /** The sign-in button's words: "Sign in with <this>". */
  OIDC_PROVIDER_NAME: z.string().min(1).max(60).default('your school account'),
  /** Where route handlers reach the realtime tier's HTTP API. */
  REALTIME_INTERNAL_URL: z.url().default('http://127.0.0.1:4100'),
  /**
   * Where browsers reach the realtime tier. Unset: the page's own host name on
   * REALTIME_PUBLIC_PORT, so a class on the teacher's laptop works from any device on the LAN.
   */
  REALTIME_PUBLIC_URL: z.url().optional(),
  REALTIME_PUBLIC_PORT: envInt(1, 65535).default(4100),
  /**
   * The realtime tier's own setting (it refuses HTTP long-polling when true); read here too so
   * the network check does not test a fallback this deployment does not offer.
   */
  REALTIME_WEBSOCKET_ONLY: z.enum(['true', 'false']).default('false'),
  REALTIME_TOKEN_SECRET: envSecret('REALTIME_TOKEN_SECRET').optional(),
  /**
   * Signs teachers' sign-in cookies; every web replica needs the same one. Changing it signs
   * everyone out. The embedded launcher makes one in the data folder.
   */
  WEB_SESSION_SECRET: envSecret('WEB_SESSION_SECRET').optional(),
  WEB_UPLOAD_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(20 * 1024 * 1024)
    .default(5 * 1024 * 1024),
  /** The largest PDF or PowerPoint file a teacher may import. */
  WEB_IMPORT_MAX_BYTES: envInt(1024 * 1024, 1024 * 1024 * 1024).default(100 * 1024 * 1024),
  /**
   * Conversions this web process runs at once (each a low-priority child process); more wait in
   * line. One suits a 2-core machine that also serves a live class.
   */
  WEB_IMPORT_CONCURRENCY: envInt(1, 32).default(1),
  /** Imports that may wait in line; past it a teacher is asked to try again shortly. */
  WEB_IMPORT_QUEUE_MAX: envInt(0, 1000).default(20),
  /** Imports one teacher may have waiting or converting at once. */
  WEB_IMPORTS_PER_TEACHER: envInt(1, 100).default(3),
  /** One conversion's time limit (a 100-page PowerPoint on a slow machine fits). */
  WEB_IMPORT_TIME_LIMIT_MS: envInt(10_000, 3_600_000).default(300_000),
  /** One conversion's memory limit (the converter and LibreOffice together). */
  WEB_IMPORT_MEMORY_LIMIT_MB: envInt(256, 65_536).default(1536),
  /** What a PowerPoint file may unpack to (a zip bomb unpacks to far more). */
  WEB_IMPORT_UNPACKED_MAX_BYTES: envInt(1024 * 1024, 8 * 1024 * 1024 * 1024).default(
    512 * 1024 * 1024,
  ),
  /** LibreOffice's soffice, when it is not on PATH or in the usual places. */
  WEB_LIBREOFFICE_PATH: z.string().min(1).max(1000).optional(),
  /**
   * The converter service (Kubernetes: its own Deployment with LibreOffice and no egress), e.g.
   * http://converter:8090. Unset: this process converts in sandboxed child processes.
   */
  WEB_CONVERTER_URL: z.url().optional(),
  /**
   * The largest request body any route takes except uploads (a whole deck: 100 slides of text);
   * a bigger one is refused with 413 before it is read. Other JSON routes take far less.
   */
  WEB_BODY_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(64 * 1024)
    .max(64 * 1024 * 1024)
    .default(4 * 1024 * 1024),
  /**
   * Strict-Transport-Security's max-age in seconds on pages served over HTTPS; 0 (default) sends
   * none. Set it (e.g. 31536000) once the site is HTTPS-only for good: browsers then refuse HTTP.
   */
  WEB_HSTS_MAX_AGE: envInt(0, 63_072_000).default(0),
  /** Open connections one web process keeps at most; more are closed at once (counted). */
  WEB_MAX_CONNECTIONS: envInt(16, 1_000_000).default(8_192),
  /** A client has this long to send a request's headers (slowloris). */
  WEB_HEADERS_TIMEOUT_MS: envInt(1_000, 120_000).default(15_000),
  /** ... and this long for the whole request, body included (an upload on slow school Wi-Fi). */
  WEB_REQUEST_TIMEOUT_MS: envInt(5_000, 600_000).default(120_000),
  /** An idle keep-alive connection is closed after this long. */
  WEB_KEEP_ALIVE_TIMEOUT_MS: envInt(1_000, 120_000).default(5_000),
  /**
   * Firebase mode (FIREBASE_DATABASE_URL plus a service account, see .env.example): students
   * sync through Firebase, and this app mints their custom tokens.
   */
  ...firebaseEnvSchema.shape,
  /**
   * Where pages send their metrics beacons. Default: this origin's /v1/beacon, which the embedded
   * launcher (and, deployed, the ingress) routes to the metrics aggregator, so no extra host has
   * to get through a school's firewall. An absolute URL is added to the CSP's connect-src.
   */
  METRICS_BEACON_URL: z
    .string()
    .regex(/^(\/|https?:\/\/)\S*$/, 'METRICS_BEACON_URL: a path like /v1/beacon or an http(s) URL.')
    .default('/v1/beacon'),
  /** Share of page loads that report distributions (vitals, timings); counts always report. */
  METRICS_SAMPLE_RATE: z.coerce.number().min(0).max(1).default(1),
  /**
   * Signs the token each served page reports metrics with; the metrics aggregator verifies it
   * with the same secret. Unset: pages do not report (the embedded launcher makes one).
   */
  METRICS_PAGE_TOKEN_SECRET: envSecret('METRICS_PAGE_TOKEN_SECRET').optional(),
  /**
   * How often each replica tries the retention job's pass (one replica runs it per interval: a
   * lease in the database), and how long after the process starts it first tries.
   */
  RETENTION_JOB_INTERVAL_MS: envInt(60_000, 7 * 86_400_000).default(86_400_000),
  RETENTION_JOB_START_DELAY_MS: envInt(0, 86_400_000).default(60_000),
  /** A page's metrics token lasts this long; open pages renew it at half to three quarters. */
  WEB_METRICS_TOKEN_TTL_SECONDS: envInt(5, 86_400).default(3600),
  /**
   * Renewals one source address may ask for per minute (its burst too). A school of 2,000 open
   * pages behind one address renews about 2,000 times per lesson hour, spread over a quarter of it.
   */
  WEB_METRICS_TOKEN_RENEWALS_PER_MINUTE: envInt(1, 1_000_000).default(3000),
  /**
   * New reporting pages (tokens with a new page id, from page loads or renewals of forged tokens)
   * one source address gets per minute, after a burst of WEB_METRICS_NEW_PAGES_BURST: a school
   * behind one address loading every page at 8 am fits; a script loading pages to collect tokens
   * gets this many app loads counted a minute at most. Over it, a page is served without a token
   * and does not report.
   */
  WEB_METRICS_NEW_PAGES_PER_MINUTE: envInt(1, 1_000_000).default(600),
  WEB_METRICS_NEW_PAGES_BURST: envInt(1, 10_000_000).default(3000),
  /** The Firebase web app's API key (public; browsers sign in with it). */
  FIREBASE_WEB_API_KEY: z.string().min(1).max(200).optional(),
  FIREBASE_AUTH_DOMAIN: z.string().min(1).max(200).optional(),
  /**
   * Firebase mode, dark launch: the share (0–1) of students who also open a shadow connection to
   * the realtime tier and report how it fares. A teacher may override it per session.
   */
  WS_DARK_LAUNCH_SHARE: z.coerce.number().min(0).max(1).default(0),
  /**
   * Firebase mode: where new sessions' students sync, `firebase` (default) or `socket` (our
   * realtime tier). A teacher may switch a session mid-way. Without Firebase it is always socket.
   */
  DEFAULT_STUDENT_TRANSPORT: studentTransportSchema.optional(),
});

/** School sign-in through an OpenID Connect issuer; undefined when only local accounts exist. */
export interface OidcConfig {
  issuer: string;
  clientId: string;
  clientSecret: string | undefined;
  /** Lower-cased email domains whose teachers may sign in. */
  allowedDomains: string[];
  /** Lower-cased email domains whose students may sign in to sessions that ask for it. */
  studentDomains: string[];
  /** Lower-cased addresses made admins at their first sign-in. */
  adminEmails: string[];
  providerName: string;
}

const list = (value: string | undefined): string[] =>
  (value ?? '')
    .split(',')
    .map((v) => v.trim().toLowerCase())
    .filter(Boolean);

function oidcConfig(e: z.output<typeof envSchema>): OidcConfig | undefined {
  if (!e.OIDC_ISSUER_URL) return undefined;
  const allowedDomains = list(e.OIDC_ALLOWED_EMAIL_DOMAINS);
  const missing = [
    e.OIDC_CLIENT_ID ? null : 'OIDC_CLIENT_ID',
    allowedDomains.length > 0 ? null : 'OIDC_ALLOWED_EMAIL_DOMAINS',
  ].filter(Boolean);
  if (missing.length > 0)
    throw new Error(
      `Invalid web configuration:\n  OIDC_ISSUER_URL needs ${missing.join(' and ')} as well.`,
    );
  return {
    issuer: e.OIDC_ISSUER_URL,
    clientId: e.OIDC_CLIENT_ID!,
    clientSecret: e.OIDC_CLIENT_SECRET,
    allowedDomains,
    studentDomains: e.OIDC_STUDENT_EMAIL_DOMAINS
      ? list(e.OIDC_STUDENT_EMAIL_DOMAINS)
      : allowedDomains,
    adminEmails: list(e.OIDC_ADMIN_EMAILS),
    providerName: e.OIDC_PROVIDER_NAME,
  };
}

export interface HttpLimits {
  bodyMaxBytes: number;
  hstsMaxAgeSeconds: number;
  maxConnections: number;
  headersTimeoutMs: number;
  requestTimeoutMs: number;
  keepAliveTimeoutMs: number;
}

export interface MetricsPageTokenConfig {
  secret: string | undefined;
  ttlSeconds: number;
  renewalsPerMinutePerSource: number;
  newPagesPerMinutePerSource: number;
  newPagesBurstPerSource: number;
}

export interface ImportConfig {
  maxBytes: number;
  concurrency: number;
  queueMax: number;
  perTeacher: number;
  timeLimitMs: number;
  memoryLimitBytes: number;
  unpackedMaxBytes: number;
  libreofficePath: string | undefined;
  /** Where to look for soffice (PATH), when libreofficePath is unset. */
  searchPath: string | undefined;
  converterUrl: string | undefined;
}

export interface WebConfig {
  dataDir: string;
  /** Where the web tier's data lives: the SQLite file, or PostgreSQL when DATABASE_URL is set. */
  database: DatabaseTarget;
  realtimeInternalUrl: string;
  realtimePublicUrl: string | undefined;
  realtimePublicPort: number;
  /** The realtime tier accepts WebSocket only (no HTTP long-polling fallback). */
  realtimeWebsocketOnly: boolean;
  realtimeTokenSecret: string | undefined;
  /** Signs sign-in cookies (WEB_SESSION_SECRET). */
  sessionSecret: string | undefined;
  /** School sign-in; undefined without OIDC_ISSUER_URL. */
  oidc: OidcConfig | undefined;
  uploadMaxBytes: number;
  /** Slide imports (PDF, PowerPoint). */
  imports: ImportConfig;
  /** What the HTTP server in front of the app takes (both launchers). */
  http: HttpLimits;
  /** Firebase mode's server side; undefined when it is off. */
  firebase: FirebaseAdminConfig | undefined;
  /** What browsers need to reach Firebase; set with `firebase`. */
  firebaseWeb: FirebaseWebConfig | undefined;
  metrics: MetricsDestination;
  /** Signing of pages' metrics tokens; `secret` undefined: pages do not report. */
  metricsPageToken: MetricsPageTokenConfig;
  /** The daily retention job (retention-scheduler.ts). */
  retentionJob: { intervalMs: number; startDelayMs: number };
  /** Firebase mode: the students' transport of new sessions; `socket` without Firebase. */
  defaultStudentTransport: StudentTransport;
  /** Firebase mode: the share of students with a dark-launch shadow connection (0 without). */
  wsDarkLaunchShare: number;
}

export function loadWebConfig(env: Record<string, string | undefined> = process.env): WebConfig {
  const e = parseEnv(envSchema, env, { what: 'web' });
  const firebase = firebaseAdminConfig(e);
  if (firebase && !e.FIREBASE_WEB_API_KEY && !firebase.authEmulatorHost)
    throw new Error(
      'Invalid web configuration:\n  FIREBASE_WEB_API_KEY is required in Firebase mode.',
    );
  if (!firebase && e.DEFAULT_STUDENT_TRANSPORT === 'firebase')
    throw new Error(
      'Invalid web configuration:\n  DEFAULT_STUDENT_TRANSPORT=firebase needs Firebase mode (FIREBASE_DATABASE_URL).',
    );
  return {
    dataDir: e.CLASSPULSE_DATA_DIR,
    database: e.DATABASE_URL
      ? { dialect: 'postgres', url: e.DATABASE_URL, poolMax: e.WEB_DATABASE_POOL_MAX }
      : { dialect: 'sqlite', path: e.WEB_SQLITE_PATH ?? `${e.CLASSPULSE_DATA_DIR}/web.sqlite` },
    realtimeInternalUrl: e.REALTIME_INTERNAL_URL.replace(/\/$/, ''),
    realtimePublicUrl: e.REALTIME_PUBLIC_URL?.replace(/\/$/, ''),
    realtimePublicPort: e.REALTIME_PUBLIC_PORT,
    realtimeWebsocketOnly: e.REALTIME_WEBSOCKET_ONLY === 'true',
    realtimeTokenSecret: e.REALTIME_TOKEN_SECRET,
    sessionSecret: e.WEB_SESSION_SECRET,
    oidc: oidcConfig(e),
    uploadMaxBytes: e.WEB_UPLOAD_MAX_BYTES,
    imports: {
      maxBytes: e.WEB_IMPORT_MAX_BYTES,
      concurrency: e.WEB_IMPORT_CONCURRENCY,
      queueMax: e.WEB_IMPORT_QUEUE_MAX,
      perTeacher: e.WEB_IMPORTS_PER_TEACHER,
      timeLimitMs: e.WEB_IMPORT_TIME_LIMIT_MS,
      memoryLimitBytes: e.WEB_IMPORT_MEMORY_LIMIT_MB * 1024 * 1024,
      unpackedMaxBytes: e.WEB_IMPORT_UNPACKED_MAX_BYTES,
      libreofficePath: e.WEB_LIBREOFFICE_PATH,
      searchPath: env.PATH,
      converterUrl: e.WEB_CONVERTER_URL?.replace(/\/$/, ''),
    },
    http: {
      bodyMaxBytes: e.WEB_BODY_MAX_BYTES,
      hstsMaxAgeSeconds: e.WEB_HSTS_MAX_AGE,
      maxConnections: e.WEB_MAX_CONNECTIONS,
      headersTimeoutMs: e.WEB_HEADERS_TIMEOUT_MS,
      // Node requires the headers' deadline to come before the whole request's.
      requestTimeoutMs: Math.max(e.WEB_REQUEST_TIMEOUT_MS, e.WEB_HEADERS_TIMEOUT_MS + 1_000),
      keepAliveTimeoutMs: e.WEB_KEEP_ALIVE_TIMEOUT_MS,
    },
    metrics: { endpoint: e.METRICS_BEACON_URL, sampleRate: e.METRICS_SAMPLE_RATE },
    retentionJob: {
      intervalMs: e.RETENTION_JOB_INTERVAL_MS,
      startDelayMs: e.RETENTION_JOB_START_DELAY_MS,
    },
    metricsPageToken: {
      secret: e.METRICS_PAGE_TOKEN_SECRET,
      ttlSeconds: e.WEB_METRICS_TOKEN_TTL_SECONDS,
      renewalsPerMinutePerSource: e.WEB_METRICS_TOKEN_RENEWALS_PER_MINUTE,
      newPagesPerMinutePerSource: e.WEB_METRICS_NEW_PAGES_PER_MINUTE,
      newPagesBurstPerSource: e.WEB_METRICS_NEW_PAGES_BURST,
    },
    defaultStudentTransport: firebase ? (e.DEFAULT_STUDENT_TRANSPORT ?? 'firebase') : 'socket',
    wsDarkLaunchShare: firebase ? e.WS_DARK_LAUNCH_SHARE : 0,
    firebase,
    firebaseWeb: firebase && {
      // The Auth emulator accepts any key; production needs the real one (checked above).
      apiKey: e.FIREBASE_WEB_API_KEY ?? 'emulator-api-key',
      projectId: firebase.projectId,
      databaseURL: firebase.databaseUrl,
      ...(e.FIREBASE_AUTH_DOMAIN ? { authDomain: e.FIREBASE_AUTH_DOMAIN } : {}),
      ...(firebase.databaseEmulatorHost
        ? { databaseEmulatorHost: firebase.databaseEmulatorHost }
        : {}),
      ...(firebase.authEmulatorHost ? { authEmulatorHost: firebase.authEmulatorHost } : {}),
    },
  };
}

let cached: WebConfig | null = null;

/** The process's config, parsed once. */
export function webConfig(): WebConfig {
  cached ??= loadWebConfig();
  return cached;
}

/** The realtime URL a browser on `host` (the page's Host header) should use. */
export function realtimeUrlFor(config: WebConfig, host: string | null): string {
  if (config.realtimePublicUrl) return config.realtimePublicUrl;
  const hostname = (host ?? 'localhost').replace(/:\d+$/, '').replace(/^\[|\]$/g, '');
  const bracketed = hostname.includes(':') ? `[${hostname}]` : hostname;
  return `http://${bracketed}:${config.realtimePublicPort}`;
}
