import type { ProtocolError } from './errors.ts';
import type {
  OwnResponse,
  PublicSessionView,
  StudentSelfView,
  TeacherDelta,
  TeacherSnapshot,
} from './views.ts';
import type { SessionState } from './state.ts';

/** `auth` payload of the socket.io handshake. */
export type HandshakeAuth =
  { v: number; token: string } | { v: number; join: { code: string; name: string } };

export type Ack<T extends object = object> = ({ ok: true } & T) | ProtocolError;

export interface Welcome {
  role: 'teacher' | 'student';
  sessionId: string;
  /** Students: the token to store and resume with (newly minted on a join by code). */
  studentId?: string;
  token?: string;
  serverTime: number;
  protocolVersion: number;
}

export type SubmitAck = Ack<{ answerId: string; duplicate: boolean; response: OwnResponse }>;
export type CommandAck = Ack<{ seq: number }>;
export type NavigateAck = Ack<{ position: number }>;
export type SyncAck = Ack<{
  student?: { session: PublicSessionView; self: StudentSelfView };
  teacher?: TeacherSnapshot;
}>;
export type PingAck = Ack<{ serverTime: number; sentAt: number }>;
export type RenewAck = Ack<{ expiresAt: number }>;

/**
 * Payloads are typed `unknown` on purpose: the server must parse everything it receives. Clients
 * send the matching `*Message` types from commands.ts.
 */
export interface ClientToServerEvents {
  'teacher:command': (message: unknown, ack: (result: CommandAck) => void) => void;
  'student:submit': (message: unknown, ack: (result: SubmitAck) => void) => void;
  'student:navigate': (message: unknown, ack: (result: NavigateAck) => void) => void;
  'session:sync': (ack: (result: SyncAck) => void) => void;
  ping: (message: unknown, ack: (result: PingAck) => void) => void;
  /** A teacher's fresh token for the same session and account, before the current one expires. */
  'auth:renew': (token: unknown, ack: (result: RenewAck) => void) => void;
}

export interface ServerToClientEvents {
  'session:welcome': (welcome: Welcome) => void;
  'student:session': (view: PublicSessionView) => void;
  'student:self': (view: StudentSelfView) => void;
  'teacher:snapshot': (snapshot: TeacherSnapshot) => void;
  'teacher:delta': (delta: TeacherDelta) => void;
  /** Sent before the server disconnects a student or a teacher for good. */
  'session:closed': (reason: ProtocolError) => void;
  /** Errors for messages that came without an acknowledgement callback. */
  'protocol:error': (error: ProtocolError) => void;
}

export type { SessionState };
