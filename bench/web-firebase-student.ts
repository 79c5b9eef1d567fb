import { rmSync } from 'node:fs';
import { startAuthEmulator, startRtdbServer } from '@classpulse/realtime/testing';
import { startStack } from '../web/test/support/stack.ts';
import { joinedStudent, type JoinedStudent } from './joined-student.ts';
import { createJoinCode } from './web-join-code.ts';

/**
 * A stack in Firebase mode (the protocol peer and the auth emulator beside it), a session on the
 * bench deck, and a student who joined it once: the Firebase answer page's URL and that student's
 * browser profile. What it starts is stopped by the functions it pushes onto `cleanup`.
 */
export async function firebaseReturningStudent(
  cleanup: Array<() => Promise<void>>,
): Promise<JoinedStudent & { url: string }> {
  const rtdb = await startRtdbServer();
  cleanup.push(() => rtdb.stop());
  const auth = await startAuthEmulator({ projectId: 'classpulse-bench' });
  cleanup.push(() => auth.stop());
  const stack = await startStack({
    FIREBASE_DATABASE_URL: rtdb.databaseUrl,
    FIREBASE_DATABASE_EMULATOR_HOST: rtdb.host,
    FIREBASE_AUTH_EMULATOR_HOST: auth.host,
    FIREBASE_PROJECT_ID: 'classpulse-bench',
  });
  cleanup.push(() => stack.stop());
  const url = `${stack.webUrl}/join/${await createJoinCode(stack.webUrl, stack.owner!)}`;
  const returning = await joinedStudent(url);
  cleanup.push(async () => rmSync(returning.profileDir, { recursive: true, force: true }));
  return { url, ...returning };
}
