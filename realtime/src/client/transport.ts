import {
  LIMITS,
  type CommandAck,
  type HandshakeAuth,
  type NavigateAck,
  type NavigateMessage,
  type PingAck,
  type RenewAck,
  type ProtocolError,
  type PublicSessionView,
  type StudentSelfView,
  type SubmitAck,
  type SubmitAnswerMessage,
  type SyncAck,
  type TeacherCommandMessage,
  type TeacherDelta,
  type TeacherSnapshot,
  type Welcome,
} from '../protocol/index.ts';

/** A round trip as the protocol takes it: whole ms, from 0 to `LIMITS.rttReportMaxMs`. */
export function clampRtt(ms: number): number {
  return Math.min(LIMITS.rttReportMaxMs, Math.max(0, Math.round(ms)));
}

export type ConnectionStatus = 'idle' | 'connecting' | 'connected' | 'reconnecting' | 'closed';

/** What a transport reports; the SessionClient turns it into state. */
export interface TransportListener {
  status(status: ConnectionStatus, error?: ProtocolError): void;
  welcome(welcome: Welcome): void;
  studentSession(view: PublicSessionView): void;
  studentSelf(view: StudentSelfView): void;
  teacherSnapshot(snapshot: TeacherSnapshot): void;
  teacherDelta(delta: TeacherDelta): void;
  /** The server ended this connection for good (removed, session deleted). */
  closed(reason: ProtocolError): void;
}

/**
 * One way to reach a session: socket.io to our realtime tier (`socket`) or Firebase (`firebase`). Requests never throw: failures come back as retryable protocol errors.
 */
export interface SessionTransport {
  readonly name: string;
  /** `auth` is read again at every (re)connect, so a token minted at join is used to resume. */
  connect(auth: () => HandshakeAuth, listener: TransportListener): void;
  submit(message: SubmitAnswerMessage): Promise<SubmitAck>;
  navigate(message: NavigateMessage): Promise<NavigateAck>;
  command(message: TeacherCommandMessage): Promise<CommandAck>;
  sync(): Promise<SyncAck>;
  ping(): Promise<PingAck>;
  /** Teachers: extends this connection with a fresh token (`auth:renew`). */
  renew?(token: string): Promise<RenewAck>;
  /**
   * Students: measures one round trip to where this transport's session lives and, with it,
   * reports `previousMs` (the last measurement) for the teacher's roster. Resolves with the
   * round trip in ms, or null when not connected or it failed. Never throws.
   */
  reportRtt?(previousMs: number | null): Promise<number | null>;
  close(): void;
}
