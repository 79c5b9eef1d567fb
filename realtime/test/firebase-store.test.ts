/**
 * The Firebase SessionStore adapter runs the same contract as SQLite and Redis, through
 * firebase-admin against the local protocol server (patched firebase-server) with the real
 * database.rules.json loaded (admin writes bypass them, as in production).
 */
import { after, before } from 'node:test';
import { deleteApp, initializeApp } from 'firebase-admin/app';
import { getDatabase } from 'firebase-admin/database';
import { createFirebaseStore, openFirebaseAdmin, type SessionStore } from '../src/server/index.ts';
import { startTestFirebase, type TestFirebase } from './support/firebase-emulators.ts';
import { sessionStoreContract } from './support/store-contract.ts';
import { studentErasureContract } from './support/store-erasure-contract.ts';

let firebase: TestFirebase;
const opened: SessionStore[] = [];
before(async () => {
  firebase = await startTestFirebase();
});
after(async () => {
  await Promise.all(opened.map((store) => store.close()));
  await firebase.stop();
});

let apps = 0;
sessionStoreContract('firebase', async () => {
  const open = async () => {
    const admin = openFirebaseAdmin({
      databaseUrl: firebase.databaseUrl,
      projectId: firebase.projectId,
      serviceAccount: null,
      databaseEmulatorHost: firebase.databaseHost,
      authEmulatorHost: undefined,
    });
    apps += 1;
    const store = createFirebaseStore({ database: admin.database, onClose: () => admin.close() });
    opened.push(store);
    return store;
  };
  const store = await open();
  // Each case starts from an empty database, as the SQLite cases start from a new file.
  const wipe = initializeApp({ databaseURL: firebase.databaseUrl }, `wipe-${apps}`);
  await getDatabase(wipe).ref().set(null);
  await deleteApp(wipe);
  return { store, reopen: open, cleanup: async () => undefined };
});

studentErasureContract('firebase', async () => {
  const open = async () => {
    const admin = openFirebaseAdmin({
      databaseUrl: firebase.databaseUrl,
      projectId: firebase.projectId,
      serviceAccount: null,
      databaseEmulatorHost: firebase.databaseHost,
      authEmulatorHost: undefined,
    });
    apps += 1;
    const store = createFirebaseStore({ database: admin.database, onClose: () => admin.close() });
    opened.push(store);
    return store;
  };
  const store = await open();
  const wipe = initializeApp({ databaseURL: firebase.databaseUrl }, `erase-wipe-${apps}`);
  await getDatabase(wipe).ref().set(null);
  return {
    store,
    reopen: open,
    // The whole database, read from its root by an admin client of our own.
    raw: async () => JSON.stringify((await getDatabase(wipe).ref().get()).val()),
    cleanup: () => deleteApp(wipe),
  };
});
