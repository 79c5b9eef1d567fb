// firebase/auth, as the transport uses it: one of three chunks of the SDK (see firebase-sdk.ts).
// Named imports, not `export * as`: a namespace re-export keeps whole packages (+20 KiB gzip).
import {
  connectAuthEmulator,
  inMemoryPersistence,
  initializeAuth,
  signInWithCustomToken,
  signOut,
} from 'firebase/auth';

export const auth = {
  connectAuthEmulator,
  inMemoryPersistence,
  initializeAuth,
  signInWithCustomToken,
  signOut,
};
