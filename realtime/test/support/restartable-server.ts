import type { SessionClient } from '../../src/client/index.ts';
import { createTokenService } from '../../src/server/index.ts';
import { startChildServer, type ChildServer } from './child-server.ts';
import { sessionWithTeacher, TEST_SECRET, tempDir, type CreatedSession } from './classroom.ts';

/**
 * The real server process (child-server.ts) on its own SQLite data folder, for tests that kill it
 * mid-session and start it again on the same port and database: what clients see when a
 * production process crashes and comes back.
 */
export interface RestartableServer {
  /** The data folder; its realtime.sqlite outlives every process. */
  readonly dataDir: string;
  /** The process started last (it may have been killed since). */
  readonly current: ChildServer;
  /** Starts a process: on a free port the first time, then on that same port again. */
  start(): Promise<ChildServer>;
  /** Sends `signal` (kill -9 unless told otherwise) and waits until the process has exited. */
  kill(signal?: NodeJS.Signals): Promise<void>;
  /** A session of EVERY_KIND_DECK, created by teacher t-1, with its teacher connected. */
  openSession(): Promise<{ session: CreatedSession; teacher: SessionClient }>;
  /** For `after`: kills the process, if any, and removes the data folder. */
  dispose(): Promise<void>;
}

export function restartableServer(
  name: string,
  env: Record<string, string> = {},
): RestartableServer {
  const dir = tempDir(name);
  const tokens = createTokenService({
    secret: TEST_SECRET,
    teacherTtlSeconds: 3600,
    studentTtlSeconds: 3600,
  });
  let current: ChildServer | undefined;
  return {
    dataDir: dir.path,
    get current() {
      if (!current) throw new Error('the server has not been started');
      return current;
    },
    async start() {
      current = await startChildServer({
        CLASSPULSE_DATA_DIR: dir.path,
        REALTIME_TOKEN_SECRET: TEST_SECRET,
        REALTIME_PORT: String(current?.port ?? 0),
        REALTIME_INTERNAL_PORT: '0',
        ...env,
      });
      return current;
    },
    async kill(signal = 'SIGKILL') {
      current?.process.kill(signal);
      await current?.exited;
    },
    async openSession() {
      return sessionWithTeacher(this.current.url, await tokens.signTeacherAccount('t-1'));
    },
    async dispose() {
      await this.kill();
      dir.remove();
    },
  };
}
