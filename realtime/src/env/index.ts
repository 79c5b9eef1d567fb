import { z } from 'zod';

/**
 * The one environment-parsing helper every service's `config.ts` builds on (DESIGN.md,
 * convention 14): the same empty-means-default rule, the same error text naming every bad
 * variable, and rules that must not drift between services (a signing secret's length) in one
 * place. It lives in realtime/ because every service may depend on realtime, and realtime on
 * nothing.
 */

/** A signing secret shorter than this is guessable; every service refuses it the same way. */
export const SECRET_MIN_CHARS = 32;

/** A signing secret of at least SECRET_MIN_CHARS characters; add `.optional()` where it may be unset. */
export const envSecret = (name: string, why = '') =>
  z
    .string({ error: `${name} is required${why}.` })
    .min(SECRET_MIN_CHARS, `${name} must have at least ${SECRET_MIN_CHARS} characters.`);

/** A whole number in [min, max], from text. */
export const envInt = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

/** "true" or "false" and nothing else: a typo must not silently mean false. */
export const envBool = z.enum(['true', 'false']).transform((v) => v === 'true');

/** pino's levels. */
export const envLogLevel = z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']);

/** Thrown for an invalid configuration; `main.ts` prints the message and exits with status 2. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

export interface ParseEnvOptions {
  /** Names the service in the message: "Invalid <what> configuration". */
  what: string;
  /** Only these variables are read (others are not this service's business). */
  only?: (name: string) => boolean;
  /** The service's own error class, so its `main.ts` can tell a bad configuration from a bug. */
  error?: new (message: string) => Error;
}

/**
 * Parses environment variables with a zod schema. An empty variable (as copied from
 * .env.example) means "use the default"; a bad one fails with a message naming every variable
 * that is wrong, never its value (it may be a secret).
 */
export function parseEnv<S extends z.ZodType>(
  schema: S,
  env: Record<string, string | undefined>,
  options: ParseEnvOptions,
): z.output<S> {
  const present = Object.fromEntries(
    Object.entries(env).filter(
      ([name, v]) => v !== undefined && v !== '' && (options.only?.(name) ?? true),
    ),
  );
  const parsed = schema.safeParse(present);
  if (!parsed.success)
    throw configError(
      options,
      parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`),
    );
  return parsed.data;
}

/** An invalid-configuration error in the shared format, for checks beyond the schema. */
export function configError(options: ParseEnvOptions, problems: readonly string[]): Error {
  const Error_ = options.error ?? ConfigError;
  return new Error_(
    `Invalid ${options.what} configuration:\n${problems.map((p) => `  ${p}`).join('\n')}`,
  );
}
