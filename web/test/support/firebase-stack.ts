import { startAuthEmulator, startRtdbServer } from '@classpulse/realtime/testing';
import { startStack, type Stack, type StackOptions } from './stack.ts';

export interface FirebaseStack {
  stack: Stack;
  /** Stops the stack, then the stand-ins. */
  stop(): Promise<void>;
}

/**
 * The whole local stack in Firebase mode on the local stand-ins (the Realtime Database protocol
 * server with the real rules, and the Auth stand-in), so students really reach "Firebase".
 * `env` adds variables to Firebase mode's.
 */
export async function startFirebaseStack(
  projectId: string,
  env: Record<string, string> = {},
  options: StackOptions = {},
): Promise<FirebaseStack> {
  const rtdb = await startRtdbServer();
  const auth = await startAuthEmulator({ projectId });
  const stack = await startStack(
    {
      FIREBASE_DATABASE_URL: rtdb.databaseUrl,
      FIREBASE_DATABASE_EMULATOR_HOST: rtdb.host,
      FIREBASE_AUTH_EMULATOR_HOST: auth.host,
      FIREBASE_PROJECT_ID: projectId,
      ...env,
    },
    options,
  );
  return {
    stack,
    async stop() {
      await stack.stop();
      await auth.stop();
      await rtdb.stop();
    },
  };
}
