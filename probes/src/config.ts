import {
  firebaseAdminConfig,
  firebaseEnvSchema,
  FirebaseConfigError,
  type FirebaseAdminConfig,
} from '@classpulse/realtime/firebase-config';
import {
  configError,
  envInt as int,
  envLogLevel,
  envSecret,
  parseEnv,
  type ParseEnvOptions,
} from '@classpulse/realtime/env';
import { z } from 'zod';
const name = z
  .string()
  .regex(/^[a-z0-9][a-z0-9_-]{0,39}$/, 'lowercase letters, digits, "-" and "_"');

/**
 * The probe's whole configuration; the only module that reads `process.env`. Every variable is
 * in .env.example. Units are in the names.
 */
const envSchema = z.object({
  PROBE_HOST: z.string().min(1).default('0.0.0.0'),
  /** /metrics, /healthz, /readyz. */
  PROBE_PORT: int(0, 65535).default(4400),
  /** The location label (`probe`); unset: the Kubernetes node's region, else "unknown". */
  PROBE_LOCATION: name.optional(),
  /** The node this pod runs on (downward API `spec.nodeName`), to read its region label. */
  PROBE_NODE_NAME: z.string().min(1).max(253).optional(),
  /** The `target` label: which deployment is probed. */
  PROBE_TARGET: name.default('local'),
  PROBE_INTERVAL_MS: int(1_000, 3_600_000).default(30_000),
  /** Each run starts up to this much later than the interval, so regions do not beat in step. */
  PROBE_JITTER_MS: int(0, 600_000).default(5_000),
  PROBE_PHASE_TIMEOUT_MS: int(100, 120_000).default(10_000),
  /** Checks running at once at most. */
  PROBE_MAX_CONCURRENCY: int(1, 16).default(2),
  /** The web app to load like a student (its /join page). */
  PROBE_WEB_URL: z.url().optional(),
  /** Our realtime tier, as students' browsers reach it (its socket.io URL). */
  PROBE_REALTIME_URL: z.url().optional(),
  /** The realtime tier's token secret: the probe signs its own probe token with it. */
  REALTIME_TOKEN_SECRET: envSecret('REALTIME_TOKEN_SECRET').optional(),
  /** Probe runs older than this (left by a crashed run) are removed by the next run. */
  PROBE_RUN_TTL_MS: int(60_000, 7 * 24 * 3_600_000).default(600_000),
  /** The Firebase database to probe: FIREBASE_DATABASE_URL and a service account, as the tier. */
  ...firebaseEnvSchema.shape,
  /** The Firebase web app's API key (public): the probe signs in as a browser does. */
  FIREBASE_WEB_API_KEY: z.string().min(1).max(200).optional(),
  /** Exit when stdin closes: set by the embedded launcher, whose child this probe then is. */
  PROBE_EXIT_WITH_STDIN: z.enum(['true', 'false']).default('false'),
  PROBE_LOG_LEVEL: envLogLevel.default('info'),
});

export interface ProbeConfig {
  host: string;
  port: number;
  location: string | undefined;
  nodeName: string | undefined;
  target: string;
  intervalMs: number;
  jitterMs: number;
  phaseTimeoutMs: number;
  maxConcurrency: number;
  webUrl: string | undefined;
  /** The realtime tier to probe, with the secret to sign the probe's token, or undefined. */
  realtime: { url: string; tokenSecret: string } | undefined;
  /** Firebase to probe, or undefined. */
  firebase: { admin: FirebaseAdminConfig; webApiKey: string; runTtlMs: number } | undefined;
  exitWithStdin: boolean;
  logLevel: string;
}

export class ProbeConfigError extends Error {
  override name = 'ProbeConfigError';
}

const PROBE: ParseEnvOptions = {
  what: 'probe',
  only: (name) =>
    name.startsWith('PROBE_') || name.startsWith('FIREBASE_') || name === 'REALTIME_TOKEN_SECRET',
  error: ProbeConfigError,
};

export function loadProbeConfig(
  env: Record<string, string | undefined> = process.env,
): ProbeConfig {
  const e = parseEnv(envSchema, env, PROBE);
  let admin: FirebaseAdminConfig | undefined;
  try {
    admin = firebaseAdminConfig(e);
  } catch (error) {
    if (error instanceof FirebaseConfigError) throw configError(PROBE, [error.message]);
    throw error;
  }
  if (admin && !e.FIREBASE_WEB_API_KEY && !admin.authEmulatorHost)
    throw configError(PROBE, ['FIREBASE_WEB_API_KEY is required to probe Firebase.']);
  if (e.PROBE_REALTIME_URL && !e.REALTIME_TOKEN_SECRET)
    throw configError(PROBE, [
      'REALTIME_TOKEN_SECRET is required to probe the realtime tier (PROBE_REALTIME_URL).',
    ]);
  return {
    host: e.PROBE_HOST,
    port: e.PROBE_PORT,
    location: e.PROBE_LOCATION,
    nodeName: e.PROBE_NODE_NAME,
    target: e.PROBE_TARGET,
    intervalMs: e.PROBE_INTERVAL_MS,
    jitterMs: e.PROBE_JITTER_MS,
    phaseTimeoutMs: e.PROBE_PHASE_TIMEOUT_MS,
    maxConcurrency: e.PROBE_MAX_CONCURRENCY,
    webUrl: e.PROBE_WEB_URL?.replace(/\/$/, ''),
    realtime:
      e.PROBE_REALTIME_URL && e.REALTIME_TOKEN_SECRET
        ? { url: e.PROBE_REALTIME_URL.replace(/\/$/, ''), tokenSecret: e.REALTIME_TOKEN_SECRET }
        : undefined,
    firebase: admin && {
      admin,
      // The Auth emulator takes any key.
      webApiKey: e.FIREBASE_WEB_API_KEY ?? 'emulator-api-key',
      runTtlMs: e.PROBE_RUN_TTL_MS,
    },
    exitWithStdin: e.PROBE_EXIT_WITH_STDIN === 'true',
    logLevel: e.PROBE_LOG_LEVEL,
  };
}

/**
 * What a probe with an invalid configuration still runs with: the defaults, plus those of
 * PROBE_HOST, PROBE_PORT, PROBE_LOG_LEVEL and PROBE_EXIT_WITH_STDIN that are valid on their own, so it serves its
 * metrics and readiness where it is expected to.
 */
export function fallbackProbeConfig(
  env: Record<string, string | undefined> = process.env,
): ProbeConfig {
  const config = loadProbeConfig({});
  const valid = <T>(schema: z.ZodType<T>, value: string | undefined): T | undefined => {
    const parsed = schema.safeParse(value || undefined);
    return parsed.success ? parsed.data : undefined;
  };
  return {
    ...config,
    host: valid(envSchema.shape.PROBE_HOST, env.PROBE_HOST) ?? config.host,
    port: valid(envSchema.shape.PROBE_PORT, env.PROBE_PORT) ?? config.port,
    logLevel: valid(envSchema.shape.PROBE_LOG_LEVEL, env.PROBE_LOG_LEVEL) ?? config.logLevel,
    exitWithStdin: env.PROBE_EXIT_WITH_STDIN === 'true',
  };
}
