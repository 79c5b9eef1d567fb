import type * as SdkModules from './firebase-sdk-modules.ts';

/** What the Firebase transport uses of the modular `firebase/app`, `/auth` and `/database`. */
export type FirebaseSdk = typeof SdkModules;

let loading: Promise<FirebaseSdk> | null = null;

/**
 * Loads them once, from the first connect, while the join request is on its way. One chunk:
 * split per package, webpack repeated the packages' shared code in each.
 */
export function loadFirebaseSdk(): Promise<FirebaseSdk> {
  loading ??= import('./firebase-sdk-modules.ts');
  return loading;
}
