import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { startAuthEmulator, startRtdbServer } from '@classpulse/realtime/testing';
import { classroomFlow } from './support/classroom-flow.ts';
import { startStack } from './support/stack.ts';

const PROJECT_ID = 'classpulse-e2e';
const stops: Array<() => Promise<void>> = [];
let signIns: string[] = [];
after(async () => {
  for (const stop of stops.reverse()) await stop();
});

/**
 * The same flow with students on the Firebase transport: the local Realtime Database protocol
 * server with the real rules and the Auth stand-in play Firebase; the stack runs in Firebase
 * mode (sessions stored there, custom tokens minted by the web app's join route).
 */
classroomFlow({
  name: 'Firebase transport',
  artifactPrefix: 'firebase-',
  studentsIndependentOfOurServers: true,
  startStack: async () => {
    const rtdb = await startRtdbServer();
    stops.push(() => rtdb.stop());
    const auth = await startAuthEmulator({ projectId: PROJECT_ID });
    stops.push(() => auth.stop());
    signIns = auth.signIns;
    return startStack({
      FIREBASE_DATABASE_URL: rtdb.databaseUrl,
      FIREBASE_DATABASE_EMULATOR_HOST: rtdb.host,
      FIREBASE_AUTH_EMULATOR_HOST: auth.host,
      FIREBASE_PROJECT_ID: PROJECT_ID,
    });
  },
});

test('the students really were on Firebase: each signed in with a custom token', () => {
  const students = new Set(signIns.filter((uid) => uid.startsWith('student:')));
  assert.equal(students.size, 3, `student sign-ins: ${[...students].join(', ')}`);
});
