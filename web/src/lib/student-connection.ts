import type { FirebaseWebConfig } from '@classpulse/realtime/client/firebase';
import type { StudentTransport } from '@classpulse/realtime/protocol';

/**
 * How a page reaches its session: our realtime tier over socket.io, or Firebase directly (with
 * the web app's join route for sign-in). Chosen on the server from the session's configuration.
 * In Firebase mode a student page gets both, because the teacher may move the session's
 * students from one to the other (the client follows the session's `studentTransport`).
 */
export interface SessionConnection {
  /** Where the page starts. */
  transport: StudentTransport;
  realtimeUrl: string;
  /** Firebase mode: the join route that mints custom tokens, and the web app's settings. */
  joinUrl?: string;
  firebase?: FirebaseWebConfig;
  /** Firebase mode: the deployment's share of students with a dark-launch shadow connection. */
  darkLaunchShare?: number;
}
