import { envInt, parseEnv } from '@classpulse/realtime/env';
import { z } from 'zod';

const port = envInt(0, 65535);

const envSchema = z.object({
  WEB_HOST: z.string().min(1).default('0.0.0.0'),
  WEB_PORT: port.default(3000),
  /** /metrics, /healthz and /readyz: for Prometheus and the kubelet, never the internet. */
  WEB_INTERNAL_HOST: z.string().min(1).default('0.0.0.0'),
  WEB_INTERNAL_PORT: port.default(9464),
  /** How long open requests get to finish after SIGTERM before the process exits anyway. */
  WEB_SHUTDOWN_GRACE_MS: envInt(0, 120_000).default(20_000),
});

export interface WebServerConfig {
  host: string;
  port: number;
  internalHost: string;
  internalPort: number;
  shutdownGraceMs: number;
}

/** The production web server's own settings (the app's are in src/server/config.ts). */
export function loadWebServerConfig(
  env: Record<string, string | undefined> = process.env,
): WebServerConfig {
  const e = parseEnv(envSchema, env, { what: 'web server' });
  return {
    host: e.WEB_HOST,
    port: e.WEB_PORT,
    internalHost: e.WEB_INTERNAL_HOST,
    internalPort: e.WEB_INTERNAL_PORT,
    shutdownGraceMs: e.WEB_SHUTDOWN_GRACE_MS,
  };
}
