import type { LiveSession } from './live-session.ts';
import type { TokenBucket } from './rate-limiter.ts';

/** What the handshake established about a socket; handlers trust only this, never payloads. */
export type SocketData =
  | {
      role: 'teacher';
      sessionId: string;
      teacherId: string;
      bucket: TokenBucket;
      token?: undefined;
      /** The session, once the connection is set up. */
      live?: LiveSession;
    }
  | {
      role: 'student';
      sessionId: string;
      studentId: string;
      bucket: TokenBucket;
      /** Minted by a join; sent once in the welcome, then dropped. */
      token?: string | undefined;
      live?: LiveSession;
    };
