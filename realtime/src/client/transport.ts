import type {
  CommandAck,
  HandshakeAuth,
  NavigateAck,
  NavigateMessage,
  PingAck,
  ProtocolError,
  PublicSessionView,
  StudentSelfView,
  SubmitAck,
  SubmitAnswerMessage,
  SyncAck,
  TeacherCommandMessage,
  TeacherDelta,
  TeacherSnapshot,
  Welcome,
} from '../protocol/index.ts';

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
 * One way to reach a session: socket.io to our realtime tier (`socket`) or Firebase (`firebase`,
 * a later transport). Requests never throw: failures come back as retryable protocol errors.
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
  close(): void;
}
