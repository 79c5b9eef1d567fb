// firebase/database, as the transport uses it: one of three chunks of the SDK (see firebase-sdk.ts).
// Named imports, not `export * as`: a namespace re-export keeps whole packages (+20 KiB gzip).
import {
  connectDatabaseEmulator,
  get,
  getDatabase,
  goOffline,
  goOnline,
  onDisconnect,
  onValue,
  ref,
  serverTimestamp,
  set,
} from 'firebase/database';

export const database = {
  connectDatabaseEmulator,
  get,
  getDatabase,
  goOffline,
  goOnline,
  onDisconnect,
  onValue,
  ref,
  serverTimestamp,
  set,
};
