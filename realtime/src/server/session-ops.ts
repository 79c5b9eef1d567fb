import type {
  Deck,
  HealthReport,
  ProtocolError,
  PublicSessionView,
  SessionSettings,
  SessionState,
  StudentErasure,
  StudentExport,
  StudentSelfView,
  TeacherSnapshot,
} from '../protocol/index.ts';

/** Who a connection belongs to, as its verified token says. */
export type Member =
  { role: 'teacher'; teacherId: string } | { role: 'student'; studentId: string };

/** A wire acknowledgement: `{ ok: true, ... }` or the protocol's error. */
export type Reply = ({ ok: true } & Record<string, unknown>) | ProtocolError;

/** Client events that need the session's state, so they run where the session lives. */
export const SESSION_EVENTS = [
  'teacher:command',
  'student:submit',
  'student:navigate',
  'session:sync',
] as const;
export type SessionEvent = (typeof SESSION_EVENTS)[number];

/** What a connection receives when it opens. */
export type OpenedViews =
  | { role: 'teacher'; snapshot: TeacherSnapshot }
  | { role: 'student'; session: PublicSessionView; self: StudentSelfView | null };

export interface SessionReport {
  ok: true;
  state: SessionState;
  responseCounts: Record<string, number>;
}

/**
 * Everything the socket and HTTP edges ask of a session. One process: the sessions in this
 * process's registry (local-session-ops.ts). Several processes: the same operations run on the
 * process that owns the session, forwarded when that is another one (cluster/cluster-ops.ts).
 * Inputs and outputs are plain data so they can cross a process boundary.
 */
export interface SessionOps {
  /** The live session using this join code, without loading it. */
  findByJoinCode(joinCode: string): Promise<string | undefined>;
  /** Handshake check: the session exists and the member belongs to it. */
  admit(sessionId: string, member: Member): Promise<{ ok: true } | ProtocolError>;
  /** Adds a student (durably) under a fresh id. */
  /** `verified`: the web app vouches for a school sign-in (sessions with `studentSignIn`). */
  join(
    sessionId: string,
    studentId: string,
    name: string,
    verified?: boolean,
  ): Promise<{ ok: true } | ProtocolError>;
  /**
   * A connection of the member opened: count it, mark the student connected, return views.
   * `connection` (the socket id) makes it idempotent where it may be retried across processes.
   */
  open(
    sessionId: string,
    member: Member,
    transport: string,
    connection: string,
  ): Promise<OpenedViews | ProtocolError>;
  /** `reason`: why it closed (socket.io's disconnect reason), for the health report. */
  close(sessionId: string, member: Member, connection: string, reason?: string): Promise<void>;
  /** A long-polling connection upgraded; `connection` (the socket id) for the health report. */
  transportChanged(
    sessionId: string,
    studentId: string,
    transport: string,
    connection?: string,
  ): Promise<void>;
  /**
   * The round trip a student's client measured on `transport` ("websocket", "polling"): kept in
   * presence for the teacher's roster, rate-limited there; memory only, never in the log.
   */
  reportRtt(sessionId: string, studentId: string, transport: string, rttMs: number): Promise<void>;
  /** Runs a client event (already rate-limited and size-checked) and returns its ack. */
  handle(
    sessionId: string,
    member: Member,
    event: SessionEvent,
    message: unknown,
    origin: string,
  ): Promise<Reply>;
  create(
    teacherId: string,
    deck: Deck,
    settings: SessionSettings,
  ): Promise<SessionState | ProtocolError>;
  report(sessionId: string, teacherId: string): Promise<SessionReport | ProtocolError>;
  /** The health report (health/health-report.ts), from the store; does not load the session. */
  health(sessionId: string, teacherId: string): Promise<HealthReport | ProtocolError>;
  delete(sessionId: string, teacherId: string): Promise<{ ok: true } | ProtocolError>;
  /**
   * Everything stored about one student of the session (a teacher of it): `session_not_found`
   * or `student_not_found` when there is none.
   */
  exportStudent(
    sessionId: string,
    teacherId: string,
    studentId: string,
  ): Promise<StudentExport | ProtocolError>;
  /**
   * Erases one student from an ended session (its owner only; `session_live` while it runs),
   * on the process holding it so its memory forgets them too. Idempotent: `erased` is false when
   * nothing of that student was there.
   */
  eraseStudent(
    sessionId: string,
    teacherId: string,
    studentId: string,
  ): Promise<StudentErasure | ProtocolError>;
}
