import type { TokenBucket } from './rate-limiter.ts';

/** What the handshake established about a socket; handlers trust only this, never payloads. */
export type SocketData =
  | {
      role: 'teacher';
      sessionId: string;
      teacherId: string;
      bucket: TokenBucket;
      token?: undefined;
    }
  | { role: 'student'; sessionId: string; studentId: string; bucket: TokenBucket; token?: string };
