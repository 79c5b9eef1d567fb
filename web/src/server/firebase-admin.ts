import { openFirebaseAdmin, type FirebaseAdmin } from '@classpulse/realtime/firebase-admin';
import { webConfig } from './config.ts';

const globalForFirebase = globalThis as unknown as { classpulseFirebaseAdmin?: FirebaseAdmin };

/** Firebase mode: one firebase-admin app per process (kept on globalThis across dev reloads). */
export function firebaseAdmin(): FirebaseAdmin | null {
  const config = webConfig().firebase;
  if (!config) return null;
  globalForFirebase.classpulseFirebaseAdmin ??= openFirebaseAdmin(config);
  return globalForFirebase.classpulseFirebaseAdmin;
}
