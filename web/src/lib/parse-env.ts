import type { z } from 'zod';

/**
 * Parses environment variables with a zod schema. An empty variable (as copied from
 * .env.example) means "use the default"; a bad one fails with a message naming every variable.
 */
export function parseEnv<S extends z.ZodType>(
  schema: S,
  env: Record<string, string | undefined>,
  what: string,
): z.output<S> {
  const present = Object.fromEntries(
    Object.entries(env).filter(([, v]) => v !== undefined && v !== ''),
  );
  const parsed = schema.safeParse(present);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid ${what} configuration:\n${lines.join('\n')}`);
  }
  return parsed.data;
}
