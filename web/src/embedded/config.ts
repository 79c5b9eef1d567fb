import { fileURLToPath } from 'node:url';
import { envInt, envSecret, parseEnv } from '@classpulse/realtime/env';
import { z } from 'zod';

/** Repository-local data folder shared with the realtime tier. */
const DEFAULT_DATA_DIR = fileURLToPath(new URL('../../../.data', import.meta.url));

const envSchema = z.object({
  CLASSPULSE_DATA_DIR: z.string().min(1).default(DEFAULT_DATA_DIR),
  WEB_HOST: z.string().min(1).default('0.0.0.0'),
  WEB_PORT: envInt(0, 65535).default(3000),
  /** Skip `next build` even when sources look newer than the last build (CI builds once). */
  WEB_SKIP_BUILD: z.enum(['true', 'false']).default('false'),
  /**
   * false: run no realtime tier in this process; pages and route handlers use the one at
   * REALTIME_PUBLIC_URL / REALTIME_INTERNAL_URL (run elsewhere, or in tests not at all).
   */
  WEB_EMBEDDED_REALTIME: z.enum(['true', 'false']).default('true'),
  REALTIME_INTERNAL_URL: z.url().default('http://127.0.0.1:4100'),
  /**
   * Several launchers sharing one database and realtime tier (a test of scale-out, or a small
   * school's second machine) must share these; unset, each is generated into the data folder.
   */
  REALTIME_TOKEN_SECRET: envSecret('REALTIME_TOKEN_SECRET').optional(),
  WEB_SESSION_SECRET: envSecret('WEB_SESSION_SECRET').optional(),
  METRICS_PAGE_TOKEN_SECRET: envSecret('METRICS_PAGE_TOKEN_SECRET').optional(),
});

export interface LauncherConfig {
  dataDir: string;
  host: string;
  port: number;
  skipBuild: boolean;
  /** Run the realtime tier in this process (the default), or use the configured one. */
  embeddedRealtime: boolean;
  /** Where the realtime tier is when it is not embedded (for the probe). */
  realtimeInternalUrl: string;
  /** Given secrets; the launcher generates what is missing into the data folder. */
  realtimeTokenSecret: string | undefined;
  sessionSecret: string | undefined;
  /** Signs (web) and verifies (aggregator) pages' metrics tokens. */
  metricsPageTokenSecret: string | undefined;
}

/** Configuration of the embedded launcher (`npm start`). */
export function loadLauncherConfig(
  env: Record<string, string | undefined> = process.env,
): LauncherConfig {
  const e = parseEnv(envSchema, env, { what: 'launcher' });
  return {
    dataDir: e.CLASSPULSE_DATA_DIR,
    host: e.WEB_HOST,
    port: e.WEB_PORT,
    skipBuild: e.WEB_SKIP_BUILD === 'true',
    embeddedRealtime: e.WEB_EMBEDDED_REALTIME === 'true',
    realtimeInternalUrl: e.REALTIME_INTERNAL_URL.replace(/\/$/, ''),
    realtimeTokenSecret: e.REALTIME_TOKEN_SECRET,
    sessionSecret: e.WEB_SESSION_SECRET,
    metricsPageTokenSecret: e.METRICS_PAGE_TOKEN_SECRET,
  };
}

/**
 * Next runs in this process and reads its configuration from the environment (its route handlers
 * are bundled and cannot see this module's state), so the launcher hands values over there.
 */
export function exportToWebEnvironment(values: Record<string, string>): void {
  for (const [key, value] of Object.entries(values)) process.env[key] = value;
}

/** The realtime tier's configuration comes from the same environment. */
export function currentEnvironment(): NodeJS.ProcessEnv {
  return process.env;
}
