import type * as SdkModules from './firebase-sdk-modules.ts';

/** The three modular Firebase packages the Firebase transport uses, and nothing else. */
export type FirebaseSdk = typeof SdkModules;

let loading: Promise<FirebaseSdk> | null = null;

/**
 * Loads them once, from the first connect, while the join request is on its way. One chunk:
 * split per package, webpack repeated the packages' shared code in each (+20 KiB gzip).
 */
export function loadFirebaseSdk(): Promise<FirebaseSdk> {
  loading ??= import('./firebase-sdk-modules.ts');
  return loading;
}
