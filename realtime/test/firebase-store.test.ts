/**
 * The Firebase SessionStore adapter runs the same contract as SQLite and Redis, through
 * firebase-admin against the local protocol server (patched firebase-server) with the real
 * database.rules.json loaded (admin writes bypass them, as in production).
 */
import { after, before } from 'node:test';
import { deleteApp, initializeApp } from 'firebase-admin/app';
import { getDatabase } from 'firebase-admin/database';
import { createFirebaseStore, openFirebaseAdmin, type SessionStore } from '../src/server/index.ts';
import { startRtdbServer, type RtdbServer } from '../src/testing/rtdb-server.ts';
import { sessionStoreContract } from './support/store-contract.ts';

let rtdb: RtdbServer;
const opened: SessionStore[] = [];
before(async () => {
  rtdb = await startRtdbServer();
});
after(async () => {
  await Promise.all(opened.map((store) => store.close()));
  await rtdb.stop();
});

let apps = 0;
sessionStoreContract('firebase', async () => {
  const open = async () => {
    const admin = openFirebaseAdmin({
      databaseUrl: rtdb.databaseUrl,
      projectId: 'classpulse-test',
      serviceAccount: null,
      databaseEmulatorHost: rtdb.host,
      authEmulatorHost: undefined,
    });
    apps += 1;
    const store = createFirebaseStore({ database: admin.database, onClose: () => admin.close() });
    opened.push(store);
    return store;
  };
  const store = await open();
  // Each case starts from an empty database, as the SQLite cases start from a new file.
  const wipe = initializeApp({ databaseURL: rtdb.databaseUrl }, `wipe-${apps}`);
  await getDatabase(wipe).ref().set(null);
  await deleteApp(wipe);
  return { store, reopen: open, cleanup: async () => undefined };
});
