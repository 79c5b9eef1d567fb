import type { app } from './firebase-sdk-app.ts';
import type { auth } from './firebase-sdk-auth.ts';
import type { database } from './firebase-sdk-database.ts';

/** What the Firebase transport uses of the modular `firebase/app`, `/auth` and `/database`. */
export interface FirebaseSdk {
  app: typeof app;
  auth: typeof auth;
  database: typeof database;
}

let loading: Promise<FirebaseSdk> | null = null;

/**
 * Loads them once, from the first connect, while the join request is on its way. Three imports
 * started together, not one: each package is evaluated in its own task as its chunk arrives,
 * instead of the whole SDK in one long task that blocks a phone's main thread (the student
 * page's Total Blocking Time). Webpack keeps the code they share in a chunk of its own.
 */
export function loadFirebaseSdk(): Promise<FirebaseSdk> {
  loading ??= Promise.all([
    import('./firebase-sdk-app.ts'),
    import('./firebase-sdk-auth.ts'),
    import('./firebase-sdk-database.ts'),
  ]).then(([a, b, c]) => ({ app: a.app, auth: b.auth, database: c.database }));
  return loading;
}
