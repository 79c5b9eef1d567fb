import { readFileSync } from 'node:fs';
import { z } from 'zod';

/**
 * Firebase mode's server-side settings, shared by the realtime tier and the web app (each reads
 * its environment through its own config module and passes the variables here). Firebase mode
 * is on when FIREBASE_DATABASE_URL is set.
 */
export const firebaseEnvSchema = z.object({
  /** https://<project>-default-rtdb.<region>.firebasedatabase.app (or an emulator URL). */
  FIREBASE_DATABASE_URL: z
    .url('FIREBASE_DATABASE_URL must be the database URL, like https://<db>.firebaseio.com.')
    .optional(),
  /** The service account key, as JSON text (a Kubernetes secret mounted as a variable). */
  FIREBASE_SERVICE_ACCOUNT_JSON: z.string().optional(),
  /** …or the path of that JSON file. */
  FIREBASE_SERVICE_ACCOUNT_FILE: z.string().optional(),
  /** host:port of a local Realtime Database protocol server; no credentials are needed then. */
  FIREBASE_DATABASE_EMULATOR_HOST: z
    .string()
    .regex(/^[^\s:/]+:\d{1,5}$/, 'FIREBASE_DATABASE_EMULATOR_HOST must look like 127.0.0.1:9000.')
    .optional(),
  /** host:port of an Auth emulator: custom tokens are then signed for it. */
  FIREBASE_AUTH_EMULATOR_HOST: z
    .string()
    .regex(/^[^\s:/]+:\d{1,5}$/, 'FIREBASE_AUTH_EMULATOR_HOST must look like 127.0.0.1:9099.')
    .optional(),
  /** The project id when no service account names it (emulators). */
  FIREBASE_PROJECT_ID: z
    .string()
    .regex(/^[a-z0-9-]{4,40}$/, 'FIREBASE_PROJECT_ID is a Firebase project id.')
    .optional(),
});

/** The fields of a service account key that signing custom tokens and admin access need. */
export const serviceAccountSchema = z.object({
  type: z.literal('service_account', 'The key must be a service account key ("type").'),
  project_id: z.string('The key has no project_id.').min(1, 'The key has no project_id.'),
  client_email: z.email('The key has no valid client_email.'),
  private_key: z.string().regex(/-----BEGIN PRIVATE KEY-----/, 'The key has no PEM private_key.'),
});
export type ServiceAccount = z.infer<typeof serviceAccountSchema>;

export interface FirebaseAdminConfig {
  databaseUrl: string;
  projectId: string;
  /** Null with an emulator host: the emulator takes the admin credential "owner". */
  serviceAccount: ServiceAccount | null;
  databaseEmulatorHost: string | undefined;
  authEmulatorHost: string | undefined;
}

export class FirebaseConfigError extends Error {}

/**
 * Firebase mode's settings from parsed variables, or undefined when Firebase mode is off.
 * Throws a FirebaseConfigError that says which variable is missing or malformed; never includes
 * the key itself.
 */
export function firebaseAdminConfig(
  env: z.infer<typeof firebaseEnvSchema>,
): FirebaseAdminConfig | undefined {
  if (!env.FIREBASE_DATABASE_URL) return undefined;
  const emulator = env.FIREBASE_DATABASE_EMULATOR_HOST;
  const serviceAccount = readServiceAccount(env);
  if (!serviceAccount && !emulator) {
    throw new FirebaseConfigError(
      'Firebase mode (FIREBASE_DATABASE_URL) needs a service account: set FIREBASE_SERVICE_ACCOUNT_JSON or FIREBASE_SERVICE_ACCOUNT_FILE.',
    );
  }
  const projectId = serviceAccount?.project_id ?? env.FIREBASE_PROJECT_ID;
  if (!projectId)
    throw new FirebaseConfigError('FIREBASE_PROJECT_ID is required with an emulator.');
  return {
    databaseUrl: env.FIREBASE_DATABASE_URL,
    projectId,
    serviceAccount,
    databaseEmulatorHost: emulator,
    authEmulatorHost: env.FIREBASE_AUTH_EMULATOR_HOST,
  };
}

function readServiceAccount(env: z.infer<typeof firebaseEnvSchema>): ServiceAccount | null {
  let text = env.FIREBASE_SERVICE_ACCOUNT_JSON;
  const source = text ? 'FIREBASE_SERVICE_ACCOUNT_JSON' : 'FIREBASE_SERVICE_ACCOUNT_FILE';
  if (!text && env.FIREBASE_SERVICE_ACCOUNT_FILE) {
    try {
      text = readFileSync(env.FIREBASE_SERVICE_ACCOUNT_FILE, 'utf8');
    } catch (error) {
      throw new FirebaseConfigError(
        `FIREBASE_SERVICE_ACCOUNT_FILE cannot be read: ${(error as NodeJS.ErrnoException).code ?? 'error'}.`,
      );
    }
  }
  if (!text) return null;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new FirebaseConfigError(`${source} is not JSON.`);
  }
  const parsed = serviceAccountSchema.safeParse(json);
  if (!parsed.success) {
    throw new FirebaseConfigError(
      `${source}: ${parsed.error.issues.map((i) => i.message).join(' ')}`,
    );
  }
  return parsed.data;
}

/**
 * firebase-admin finds emulators only through these variables; a configuration given in code
 * (tests, the embedded launcher) is handed over here, the one module that touches the
 * environment for Firebase.
 */
export function exportEmulatorHosts(config: FirebaseAdminConfig): void {
  if (config.databaseEmulatorHost)
    process.env.FIREBASE_DATABASE_EMULATOR_HOST = config.databaseEmulatorHost;
  if (config.authEmulatorHost) process.env.FIREBASE_AUTH_EMULATOR_HOST = config.authEmulatorHost;
}
