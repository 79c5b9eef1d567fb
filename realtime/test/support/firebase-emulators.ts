import { startAuthEmulator, startRtdbServer } from '../../src/testing/index.ts';

export interface TestFirebase {
  projectId: string;
  databaseUrl: string;
  /** host:port of the database and the Auth emulator. */
  databaseHost: string;
  databasePort: number;
  authHost: string;
  stop(): Promise<void>;
}

/**
 * The Firebase the contract suites run against: our local stand-ins (the patched protocol
 * server with the real rules, and the Auth stand-in) by default; the official emulators when
 * `npm run test:firebase-emulator` started them (FIREBASE_DATABASE_EMULATOR_HOST and
 * FIREBASE_AUTH_EMULATOR_HOST set, rules loaded from firebase.json).
 */
export async function startTestFirebase(projectId = 'demo-classpulse'): Promise<TestFirebase> {
  const official = process.env.CLASSPULSE_OFFICIAL_EMULATORS === '1';
  if (official) {
    const databaseHost = process.env.FIREBASE_DATABASE_EMULATOR_HOST ?? '127.0.0.1:9000';
    const authHost = process.env.FIREBASE_AUTH_EMULATOR_HOST ?? '127.0.0.1:9099';
    return {
      projectId,
      databaseUrl: `http://${databaseHost}?ns=${projectId}-default-rtdb`,
      databaseHost,
      databasePort: Number(databaseHost.split(':')[1]),
      authHost,
      stop: async () => undefined,
    };
  }
  const rtdb = await startRtdbServer();
  const auth = await startAuthEmulator({ projectId });
  return {
    projectId,
    databaseUrl: rtdb.databaseUrl,
    databaseHost: rtdb.host,
    databasePort: rtdb.port,
    authHost: auth.host,
    async stop() {
      await auth.stop();
      await rtdb.stop();
    },
  };
}
