import { envInt, parseEnv } from '@classpulse/realtime/env';
import { LIMITS } from '@classpulse/realtime/protocol';
import { z } from 'zod';
import type { ConversionLimits } from '../importing/converter.ts';

const port = envInt(0, 65535);

/** The slide converter service (Kubernetes): its own settings, parsed once. */
const envSchema = z.object({
  CONVERTER_HOST: z.string().min(1).default('0.0.0.0'),
  /** POST /v1/convert, for the web pods only (a NetworkPolicy keeps everyone else out). */
  CONVERTER_PORT: port.default(8090),
  /** /healthz, /readyz and /metrics: for the kubelet and Prometheus. */
  CONVERTER_INTERNAL_HOST: z.string().min(1).default('0.0.0.0'),
  CONVERTER_INTERNAL_PORT: port.default(9090),
  /** Conversions at once (each a child process with LibreOffice or pdf.js); more wait in line. */
  CONVERTER_CONCURRENCY: envInt(1, 64).default(2),
  CONVERTER_QUEUE_MAX: envInt(0, 10_000).default(50),
  CONVERTER_MAX_BYTES: envInt(1024 * 1024, 1024 * 1024 * 1024).default(100 * 1024 * 1024),
  CONVERTER_TIME_LIMIT_MS: envInt(10_000, 3_600_000).default(300_000),
  CONVERTER_MEMORY_LIMIT_MB: envInt(256, 65_536).default(1536),
  CONVERTER_UNPACKED_MAX_BYTES: envInt(1024 * 1024, 8 * 1024 * 1024 * 1024).default(
    512 * 1024 * 1024,
  ),
  CONVERTER_LIBREOFFICE_PATH: z.string().min(1).max(1000).optional(),
  CONVERTER_SHUTDOWN_GRACE_MS: envInt(0, 600_000).default(60_000),
});

export interface ConverterServiceConfig {
  host: string;
  port: number;
  internalHost: string;
  internalPort: number;
  concurrency: number;
  queueMax: number;
  maxBytes: number;
  limits: ConversionLimits;
  libreofficePath: string | undefined;
  /** Where to look for soffice when libreofficePath is unset. */
  searchPath: string | undefined;
  shutdownGraceMs: number;
}

export function loadConverterConfig(
  env: Record<string, string | undefined> = process.env,
): ConverterServiceConfig {
  const e = parseEnv(envSchema, env, { what: 'converter' });
  return {
    host: e.CONVERTER_HOST,
    port: e.CONVERTER_PORT,
    internalHost: e.CONVERTER_INTERNAL_HOST,
    internalPort: e.CONVERTER_INTERNAL_PORT,
    concurrency: e.CONVERTER_CONCURRENCY,
    queueMax: e.CONVERTER_QUEUE_MAX,
    maxBytes: e.CONVERTER_MAX_BYTES,
    limits: {
      maxPages: LIMITS.slidesMax,
      unpackedMaxBytes: e.CONVERTER_UNPACKED_MAX_BYTES,
      timeLimitMs: e.CONVERTER_TIME_LIMIT_MS,
      memoryLimitBytes: e.CONVERTER_MEMORY_LIMIT_MB * 1024 * 1024,
    },
    libreofficePath: e.CONVERTER_LIBREOFFICE_PATH,
    searchPath: env.PATH,
    shutdownGraceMs: e.CONVERTER_SHUTDOWN_GRACE_MS,
  };
}
