import type * as FirebaseApp from 'firebase/app';
import type * as FirebaseAuth from 'firebase/auth';
import type * as FirebaseDatabase from 'firebase/database';

/** The three modular Firebase packages the Firebase transport uses, and nothing else. */
export interface FirebaseSdk {
  app: typeof FirebaseApp;
  auth: typeof FirebaseAuth;
  database: typeof FirebaseDatabase;
}

let loading: Promise<FirebaseSdk> | null = null;

/**
 * Loads them once, as three chunks: each is evaluated in a task of its own instead of one long
 * task for the whole SDK (Lighthouse's Total Blocking Time on a phone), and they download while
 * the join request is on its way.
 */
export function loadFirebaseSdk(): Promise<FirebaseSdk> {
  loading ??= Promise.all([
    import('firebase/app'),
    import('firebase/auth'),
    import('firebase/database'),
  ]).then(([app, auth, database]) => ({ app, auth, database }));
  return loading;
}
