import { cert, deleteApp, initializeApp, type App } from 'firebase-admin/app';
import { getAuth } from 'firebase-admin/auth';
import { getDatabase, type Database } from 'firebase-admin/database';
import { exportEmulatorHosts, type FirebaseAdminConfig } from './config.ts';

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
 * several, e.g. tests). Emulator hosts go to firebase-admin through the environment.
 */
export function openFirebaseAdmin(config: FirebaseAdminConfig): FirebaseAdmin {
  exportEmulatorHosts(config);
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
