import type { FirebaseWebConfig } from '@classpulse/realtime/client/firebase';

/**
 * How a page reaches its session: our realtime tier over socket.io, or Firebase directly (with
 * the web app's join route for sign-in). Chosen on the server from the session's configuration.
 */
export type SessionConnection =
  | { transport: 'socket'; realtimeUrl: string }
  | { transport: 'firebase'; joinUrl: string; firebase: FirebaseWebConfig };
