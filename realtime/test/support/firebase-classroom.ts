import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createSessionClient, memoryStorage } from '../../src/client/index.ts';
import { createFirebaseTransport } from '../../src/client/firebase-transport.ts';
import { signInFirebaseStudent } from '../../src/firebase/student-sign-in.ts';
import { openFirebaseAdmin, type FirebaseAdminConfig } from '../../src/server/index.ts';
import { openClassroom, type Classroom } from './classroom.ts';
import { startTestFirebase } from './firebase-emulators.ts';

/**
 * A classroom in Firebase mode: the local database server (real rules) and Auth stand-in, the
 * realtime tier storing sessions in Firebase, and the web app's join route reduced to what it
 * does (signInFirebaseStudent). Students use the Firebase transport.
 */
export async function openFirebaseClassroom(
  name: string,
): Promise<Classroom & { firebase: FirebaseAdminConfig }> {
  const testFirebase = await startTestFirebase();
  const firebase: FirebaseAdminConfig = {
    databaseUrl: testFirebase.databaseUrl,
    projectId: testFirebase.projectId,
    serviceAccount: null,
    databaseEmulatorHost: testFirebase.databaseHost,
    authEmulatorHost: testFirebase.authHost,
  };
  const admin = openFirebaseAdmin(firebase);
  let realtimeUrl = '';
  const joinRoute = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      void signInFirebaseStudent({ realtimeUrl, admin }, JSON.parse(body || 'null')).then(
        (result) => {
          res.writeHead(result.ok ? 200 : 400, { 'content-type': 'application/json' });
          res.end(JSON.stringify(result));
        },
      );
    });
  });
  await new Promise<void>((resolve) => joinRoute.listen(0, '127.0.0.1', resolve));
  const joinUrl = `http://127.0.0.1:${(joinRoute.address() as AddressInfo).port}/api/join`;

  const room = await openClassroom(
    name,
    { firebase },
    {},
    {
      studentClient: (_server, storage) =>
        createSessionClient({
          transport: createFirebaseTransport({
            joinUrl,
            firebase: {
              apiKey: 'test-api-key',
              projectId: testFirebase.projectId,
              databaseURL: testFirebase.databaseUrl,
              databaseEmulatorHost: testFirebase.databaseHost,
              authEmulatorHost: testFirebase.authHost,
            },
            ackTimeoutMs: 3_000,
            retryDelayMs: 100,
          }),
          storage: storage ?? memoryStorage(),
          retryDelayMs: 100,
        }),
      onClose: async () => {
        joinRoute.closeAllConnections();
        await new Promise<void>((resolve) => joinRoute.close(() => resolve()));
        await admin.close();
        await testFirebase.stop();
      },
    },
  );
  realtimeUrl = room.server.url;
  return Object.assign(room, { firebase });
}
