import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  createSessionClient,
  createSocketTransport,
  memoryStorage,
} from '../../src/client/index.ts';
import { createFirebaseTransport } from '../../src/client/firebase-transport.ts';
import { signInFirebaseStudent } from '../../src/firebase/student-sign-in.ts';
import { openFirebaseAdmin, type FirebaseAdminConfig } from '../../src/server/index.ts';
import { openClassroom, type Classroom } from './classroom.ts';
import { startTestFirebase } from './firebase-emulators.ts';
import { startSlowLink } from './network-faults.ts';

export interface FirebaseClassroomOptions {
  /** Students reach the database through a link that delays every chunk by this much. */
  studentLinkDelayMs?: number;
  /**
   * Student clients can also make socket transports and follow the session's
   * `studentTransport` setting (SessionClient `transportFor`), as the web app's page does.
   */
  switchable?: boolean;
}

/**
 * A classroom in Firebase mode: the local database server (real rules) and Auth stand-in, the
 * realtime tier storing sessions in Firebase, and the web app's join route reduced to what it
 * does (signInFirebaseStudent). Students use the Firebase transport.
 */
export async function openFirebaseClassroom(
  name: string,
  options: FirebaseClassroomOptions = {},
): Promise<Classroom & { firebase: FirebaseAdminConfig }> {
  const testFirebase = await startTestFirebase();
  const link =
    options.studentLinkDelayMs === undefined
      ? null
      : await startSlowLink(testFirebase.databasePort, options.studentLinkDelayMs);
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

  const firebaseTransport = () =>
    createFirebaseTransport({
      joinUrl,
      firebase: {
        apiKey: 'test-api-key',
        projectId: testFirebase.projectId,
        databaseURL: testFirebase.databaseUrl,
        databaseEmulatorHost: link ? `127.0.0.1:${link.port}` : testFirebase.databaseHost,
        authEmulatorHost: testFirebase.authHost,
      },
      ackTimeoutMs: 3_000,
      retryDelayMs: 100,
    });
  const room = await openClassroom(
    name,
    { firebase },
    {},
    {
      studentClient: (server, storage) =>
        createSessionClient({
          transport: firebaseTransport(),
          storage: storage ?? memoryStorage(),
          retryDelayMs: 100,
          ...(options.switchable
            ? {
                transportFor: (transport) =>
                  transport === 'firebase'
                    ? firebaseTransport()
                    : createSocketTransport({
                        url: server.url,
                        transports: ['websocket'],
                        ackTimeoutMs: 3_000,
                        retryDelayMs: 100,
                      }),
              }
            : {}),
        }),
      onClose: async () => {
        await link?.close();
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
