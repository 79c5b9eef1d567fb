import type { TokenBucket } from './rate-limiter.ts';
import type { Member } from './session-ops.ts';

/** Limits kept per socket beyond its message bucket, made on first use. */
interface SocketLimits {
  /** `session:sync` allowance (socket-handlers.ts). */
  syncBucket?: TokenBucket;
  /** Messages refused in a row for their rate; the socket is closed past a limit. */
  refusedInARow?: number;
}

/** What the handshake established about a socket; handlers trust only this, never payloads. */
export type SocketData = SocketLimits &
  (
    | {
        role: 'teacher';
        sessionId: string;
        teacherId: string;
        /**
         * When the teacher's token expires (ms). The dashboard renews it (`auth:renew`) with fresh
         * tokens from the web app, which mints them only for enabled accounts that still teach the
         * session; past it the socket is closed. So a disabled account loses a live dashboard within
         * the token's lifetime.
         */
        expiresAt: number;
        /** The timer that closes the socket at `expiresAt` (rescheduled after a renewal). */
        expiry?: ReturnType<typeof setTimeout> | undefined;
        bucket: TokenBucket;
        token?: undefined;
        /** Counted by the session (open succeeded) until the disconnect. */
        opened?: boolean;
      }
    | {
        role: 'student';
        sessionId: string;
        studentId: string;
        bucket: TokenBucket;
        /** Minted by a join; sent once in the welcome, then dropped. */
        token?: string | undefined;
        opened?: boolean;
        /** A round trip reported before the connection was open, recorded once it is. */
        earlyRttMs?: number | undefined;
      }
    | {
        /** A synthetic probe at a location: in no session; it may only ping. */
        role: 'probe';
        probe: string;
        bucket: TokenBucket;
        sessionId?: undefined;
        token?: undefined;
        opened?: boolean;
      }
    | {
        /** A student page's dark-launch connection (Firebase mode): in no session; only pings. */
        role: 'shadow';
        bucket: TokenBucket;
        sessionId?: undefined;
        token?: undefined;
        opened?: boolean;
      }
  );

/** Sockets that belong to no session and may only ping. */
export type PingOnlySocketData = Extract<SocketData, { role: 'probe' | 'shadow' }>;

export function isPingOnly(data: SocketData): data is PingOnlySocketData {
  return data.role === 'probe' || data.role === 'shadow';
}

/** A socket of a session's member (everything but a probe or a shadow connection). */
export type MemberSocketData = Exclude<SocketData, PingOnlySocketData>;

/** Messages between realtime processes through the socket.io Redis adapter. */
export interface InterServerEvents {
  /** `processId` now owns `sessionId`: re-announce its connections there. */
  'cp:owner': (sessionId: string, processId: string) => void;
}

/** The member a socket's handshake established. */
export function memberOf(data: MemberSocketData): Member {
  return data.role === 'teacher'
    ? { role: 'teacher', teacherId: data.teacherId }
    : { role: 'student', studentId: data.studentId };
}
