import { cert, deleteApp, initializeApp, type App } from 'firebase-admin/app';
import { getAuth } from 'firebase-admin/auth';
import { getDatabase, type Database } from 'firebase-admin/database';
import type { FirebaseAdminConfig } from './admin-config.ts';

export interface FirebaseAdmin {
  app: App;
  database: Database;
  /** A custom token a browser signs in with; `claims` become `auth.token.*` in the rules. */
  customToken(uid: string, claims: Record<string, string>): Promise<string>;
  close(): Promise<void>;
}

let apps = 0;

/**
 * A firebase-admin app for this configuration, under a name of its own (a process may hold
 * several, e.g. tests). firebase-admin reads the emulator hosts from the environment, so they are
 * put there when configured.
 */
export function openFirebaseAdmin(config: FirebaseAdminConfig): FirebaseAdmin {
  if (config.databaseEmulatorHost)
    process.env.FIREBASE_DATABASE_EMULATOR_HOST = config.databaseEmulatorHost;
  if (config.authEmulatorHost) process.env.FIREBASE_AUTH_EMULATOR_HOST = config.authEmulatorHost;
  const app = initializeApp(
    {
      projectId: config.projectId,
      databaseURL: config.databaseUrl,
      ...(config.serviceAccount
        ? {
            credential: cert({
              projectId: config.serviceAccount.project_id,
              clientEmail: config.serviceAccount.client_email,
              privateKey: config.serviceAccount.private_key,
            }),
            serviceAccountId: config.serviceAccount.client_email,
          }
        : {}),
    },
    `classpulse-${process.pid}-${++apps}`,
  );
  return {
    app,
    database: getDatabase(app),
    customToken: (uid, claims) => getAuth(app).createCustomToken(uid, claims),
    close: () => deleteApp(app),
  };
}
