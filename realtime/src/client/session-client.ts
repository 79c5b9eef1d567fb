import {
  DELIVERY_LIMITS,
  joinCodeSchema,
  protocolError,
  PROTOCOL_VERSION,
  type Answer,
  type CommandAck,
  type HandshakeAuth,
  type NavigateAck,
  type ProtocolError,
  type PublicSessionView,
  type StudentSelfView,
  type StudentTransport,
  type TeacherCommand,
  type TeacherSnapshot,
} from '../protocol/index.ts';
import { identityKey, type StoredIdentity } from './identity.ts';
import { keptPaintKey } from './kept-paint-key.ts';
import { newAnswerId, Outbox, type PendingAnswer } from './outbox.ts';
import { readJson, writeJson, memoryStorage, type KeyValueStorage } from './storage.ts';
import { applyTeacherDelta } from './teacher-state.ts';
import type { ConnectionStatus, SessionTransport, TransportListener } from './transport.ts';

/** One answer per slide as the student sees it: "sending" until the server acknowledged it. */
export interface AnswerStatus {
  slideId: string;
  answerId: string;
  answer: Answer;
  status: 'sending' | 'received' | 'rejected';
  error?: ProtocolError;
}

export interface SessionClientState {
  status: ConnectionStatus;
  /** Why the client stopped (removed, session gone, …) or the last handshake problem. */
  error: ProtocolError | null;
  role: 'student' | 'teacher' | null;
  sessionId: string | null;
  studentId: string | null;
  /** Student: what the class sees, and what only this student sees. */
  session: PublicSessionView | null;
  self: StudentSelfView | null;
  answers: Record<string, AnswerStatus>;
  /** Teacher: the whole session, kept current from deltas. */
  teacher: TeacherSnapshot | null;
  /** The transport in use (`SessionTransport.name`: "socket", "firebase"). */
  transport: string;
}

export interface SessionClientOptions {
  transport: SessionTransport;
  /** `browserStorage()` in pages; memory by default. Shared storage = survives a reload. */
  storage?: KeyValueStorage;
  now?: () => number;
  /** Wait before resending answers that got a retryable error while connected. */
  retryDelayMs?: number;
  /**
   * Students: makes the transport the session's `studentTransport` setting names, so the client
   * can move when the teacher switches it (Firebase mode). Null: not available on this page.
   * Without it the client stays on `transport`.
   */
  transportFor?: (
    transport: StudentTransport,
  ) => SessionTransport | null | Promise<SessionTransport | null>;
  /** Students: how often the round trip is measured and reported for the roster (20 s). */
  rttIntervalMs?: number;
}

const outboxKey = (sessionId: string, studentId: string) =>
  `classpulse:v1:outbox:${sessionId}:${studentId}`;

/**
 * The last view this student had of their session, so a reload paints the question at once
 * instead of after the whole connection (on Firebase: join route, token exchange, database
 * handshake). Keyed by session and student: a device only ever shows a student their own view.
 */
const viewKey = (sessionId: string, studentId: string) =>
  `classpulse:v1:view:${sessionId}:${studentId}`;

interface CachedView {
  v: number;
  session: PublicSessionView;
  self: StudentSelfView | null;
}

/** A resume that fails with these starts over with a fresh join by code. */
const REJOIN_ON = new Set(['unauthorized', 'student_not_found', 'session_not_found']);

export class SessionClient {
  private state: SessionClientState = {
    status: 'idle',
    error: null,
    role: null,
    sessionId: null,
    studentId: null,
    session: null,
    self: null,
    answers: {},
    teacher: null,
    transport: '',
  };
  private readonly listeners = new Set<(state: SessionClientState) => void>();
  private readonly storage: KeyValueStorage;
  private readonly now: () => number;
  private outbox: Outbox | null = null;
  /** Unsent answers of an identity that stopped working, waiting for the new one. */
  private carryOver: PendingAnswer[] = [];
  /** The transport in use; replaced by a switch (`switchTo`). */
  private transport: SessionTransport;
  /** The transport a flush loop is sending with (a switch may start another loop). */
  private flushingWith: SessionTransport | null = null;
  /** The transport a switch is preparing (its factory may load code). */
  private switchingTo: StudentTransport | null = null;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private rttTimer: ReturnType<typeof setTimeout> | null = null;
  private measuringRtt = false;
  /** The last round trip measured on the current transport, reported with the next one. */
  private lastRttMs: number | null = null;
  private auth: HandshakeAuth | null = null;
  private joinCode: string | null = null;
  private joinName: string | null = null;
  private closed = false;
  private readonly options: SessionClientOptions;

  constructor(options: SessionClientOptions) {
    this.options = options;
    this.storage = options.storage ?? memoryStorage();
    this.now = options.now ?? Date.now;
    this.transport = options.transport;
    this.state.transport = options.transport.name;
  }

  getState(): SessionClientState {
    return this.state;
  }

  subscribe(listener: (state: SessionClientState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Joins with a code and a display name, or resumes the identity this browser already has for
   * that code (same student, same answers) after a reload.
   */
  joinWithCode(code: string, name: string): void {
    const parsed = joinCodeSchema.safeParse(code);
    if (!parsed.success) {
      this.update({
        status: 'closed',
        error: protocolError('join_code_not_found', parsed.error.issues[0]?.message),
      });
      return;
    }
    this.joinCode = parsed.data;
    this.joinName = name;
    const identity = readJson<StoredIdentity>(this.storage, identityKey(parsed.data));
    if (identity) {
      this.adoptIdentity(identity);
      this.auth = { v: PROTOCOL_VERSION, token: identity.token };
    } else {
      this.auth = { v: PROTOCOL_VERSION, join: { code: parsed.data, name } };
    }
    this.update({ role: 'student' });
    this.start();
  }

  connectAsTeacher(token: string): void {
    this.auth = { v: PROTOCOL_VERSION, token };
    this.update({ role: 'teacher' });
    this.start();
  }

  /**
   * Teachers: a fresh token from the web app, sent before the current one expires (teacher
   * tokens are short-lived, so a disabled account's dashboard stops). Connected, the server
   * extends this connection with it; closed because the old one expired, it reconnects with it;
   * otherwise the next (re)connect uses it. Resolves false when the server refused it.
   */
  async renewTeacherToken(token: string): Promise<boolean> {
    if (this.state.role !== 'teacher' || this.closed) return false;
    this.auth = { v: PROTOCOL_VERSION, token };
    if (this.state.status === 'closed') {
      this.update({ error: null });
      this.start();
      return true;
    }
    if (this.state.status !== 'connected' || !this.transport.renew) return true;
    return (await this.transport.renew(token)).ok;
  }

  /** Queues an answer (persisted at once) and sends it; returns its answerId. */
  submitAnswer(slideId: string, answer: Answer): string {
    const { sessionId, studentId } = this.state;
    if (!this.outbox || !sessionId || !studentId) throw new Error('submitAnswer before joining');
    const pending: PendingAnswer = {
      answerId: newAnswerId(),
      slideId,
      answer,
      clientCreatedAt: this.now(),
      ...(this.state.status === 'connected' ? {} : { offline: true }),
    };
    this.outbox.put(pending);
    this.setAnswer({ slideId, answerId: pending.answerId, answer, status: 'sending' });
    void this.flush();
    return pending.answerId;
  }

  async navigate(slideIndex: number): Promise<NavigateAck> {
    const sessionId = this.state.sessionId;
    if (!sessionId) return protocolError('unavailable', 'Not joined yet.');
    return this.transport.navigate({ sessionId, slideIndex });
  }

  /** Teacher commands are not queued: the dashboard shows a failure at once. */
  async command(command: TeacherCommand): Promise<CommandAck> {
    const sessionId = this.state.sessionId;
    if (!sessionId) return protocolError('unavailable', 'Not connected yet.');
    return this.transport.command({ sessionId, command });
  }

  close(): void {
    this.closed = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.stopRtt();
    this.transport.close();
    this.update({ status: 'closed' });
  }

  private start(): void {
    const transport = this.transport;
    // A transport replaced by a switch may still report (a late drop, an answer in flight):
    // only the current one changes the state.
    const current = () => transport === this.transport;
    const listener: TransportListener = {
      status: (status, error) => {
        if (current()) this.onStatus(status, error);
      },
      welcome: (w) => {
        if (!current()) return;
        if (w.role === 'student' && w.studentId) {
          const identity = {
            sessionId: w.sessionId,
            studentId: w.studentId,
            token: w.token ?? this.currentToken(),
          };
          if (identity.token && this.joinCode)
            writeJson(this.storage, identityKey(this.joinCode), identity);
          if (identity.token) this.auth = { v: PROTOCOL_VERSION, token: identity.token };
          this.adoptIdentity(identity);
          void this.flush();
        } else {
          this.update({ sessionId: w.sessionId });
        }
      },
      studentSession: (session) => {
        if (!current()) return;
        this.update({ session });
        this.keepView();
        this.follow(session);
      },
      studentSelf: (self) => {
        if (current()) this.onSelf(self);
      },
      teacherSnapshot: (teacher) => {
        if (current()) this.update({ teacher });
      },
      teacherDelta: (delta) => {
        if (current() && this.state.teacher)
          this.update({ teacher: applyTeacherDelta(this.state.teacher, delta) });
      },
      closed: (reason) => {
        if (current()) this.update({ error: reason });
      },
    };
    transport.connect(() => this.auth ?? { v: PROTOCOL_VERSION, token: '' }, listener);
  }

  /** Moves to the transport the session's setting names, when this page can make it. */
  private follow(session: PublicSessionView): void {
    const wanted = session.studentTransport;
    if (!wanted || !this.options.transportFor || this.state.role !== 'student') return;
    if (wanted === this.transport.name) {
      this.switchingTo = null; // switched back before a pending switch finished: stay
      return;
    }
    // Only a member with a token can resume on another transport (a join by code cannot).
    if (this.switchingTo === wanted || !this.auth || !('token' in this.auth)) return;
    this.switchingTo = wanted;
    void Promise.resolve(this.options.transportFor(wanted))
      .catch(() => null)
      .then((next) => this.switchTo(wanted, next));
  }

  /**
   * Replaces the transport with `next`, keeping everything a student has: the identity (its
   * token resumes on any transport), the persistent outbox with the same answerIds (so an answer
   * the old transport may have delivered is acknowledged as a duplicate, never stored twice),
   * the answers' "received" states and the views. Queued answers go out on the new transport
   * once it connects; a send still in flight on the old one counts only if it succeeded.
   */
  private switchTo(wanted: StudentTransport, next: SessionTransport | null): void {
    if (this.closed || this.switchingTo !== wanted || !next) {
      if (next && next !== this.transport) next.close();
      if (this.switchingTo === wanted) this.switchingTo = null;
      return;
    }
    this.switchingTo = null;
    const previous = this.transport;
    this.transport = next;
    previous.close();
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    this.stopRtt();
    // "connecting", not "reconnecting": the student keeps the slide without a banner.
    this.update({ transport: next.name, status: 'connecting' });
    this.start();
  }

  private onStatus(status: ConnectionStatus, error: ProtocolError | undefined): void {
    // A stored identity that no longer works (expired token, deleted session): join afresh once.
    if (
      status === 'closed' &&
      error &&
      REJOIN_ON.has(error.code) &&
      this.joinCode &&
      this.auth &&
      'token' in this.auth
    ) {
      this.storage.removeItem(identityKey(this.joinCode));
      if (this.state.sessionId && this.state.studentId) {
        this.storage.removeItem(viewKey(this.state.sessionId, this.state.studentId));
        this.storage.removeItem(keptPaintKey(this.state.sessionId, this.state.studentId));
      }
      this.auth = { v: PROTOCOL_VERSION, join: { code: this.joinCode, name: this.joinName ?? '' } };
      // Answers not yet acknowledged move to the new identity instead of being dropped.
      this.carryOver = [...(this.outbox?.list() ?? [])];
      for (const p of this.carryOver) this.outbox?.remove(p.answerId);
      this.outbox = null;
      this.update({ sessionId: null, studentId: null, answers: {}, self: null });
      this.transport.close();
      this.start();
      return;
    }
    // A removed student keeps their identity: this device stays out (the tier refuses it) until
    // the teacher lets them back in, and then a reload resumes the same student.
    this.update({ status, error: error ?? (status === 'connected' ? null : this.state.error) });
  }

  private onSelf(self: StudentSelfView): void {
    const answers = { ...this.state.answers };
    const pendingSlides = new Set(this.outbox?.list().map((p) => p.slideId));
    for (const [slideId, r] of Object.entries(self.responses)) {
      if (!pendingSlides.has(slideId)) {
        answers[slideId] = { slideId, answerId: r.answerId, answer: r.answer, status: 'received' };
      }
    }
    this.update({ self, answers });
    this.keepView();
  }

  /** Keeps what the student sees for the next page load (see `viewKey`). */
  private keepView(): void {
    const { sessionId, studentId, session, self } = this.state;
    if (this.state.role !== 'student' || !sessionId || !studentId || !session) return;
    const cached: CachedView = { v: PROTOCOL_VERSION, session, self };
    writeJson(this.storage, viewKey(sessionId, studentId), cached);
  }

  /** A resumed identity shows its last view while it connects (the live one replaces it). */
  private restoreView(sessionId: string, studentId: string): void {
    if (this.state.session) return;
    const cached = readJson<CachedView>(this.storage, viewKey(sessionId, studentId));
    if (cached?.v !== PROTOCOL_VERSION || !Array.isArray(cached.session?.slides)) return;
    this.update({ session: cached.session });
    if (cached.self && cached.self.studentId === studentId) this.onSelf(cached.self);
  }

  private adoptIdentity(identity: StoredIdentity): void {
    if (this.state.studentId !== identity.studentId || !this.outbox) {
      this.outbox = new Outbox(this.storage, outboxKey(identity.sessionId, identity.studentId));
      for (const p of this.carryOver) this.outbox.put(p);
      this.carryOver = [];
      const answers = { ...this.state.answers };
      for (const p of this.outbox.list()) {
        answers[p.slideId] = {
          slideId: p.slideId,
          answerId: p.answerId,
          answer: p.answer,
          status: 'sending',
        };
      }
      this.update({ sessionId: identity.sessionId, studentId: identity.studentId, answers });
      this.restoreView(identity.sessionId, identity.studentId);
    }
  }

  private currentToken(): string {
    return this.auth && 'token' in this.auth ? this.auth.token : '';
  }

  /**
   * Sends queued answers one by one while connected; stops at the first retryable failure.
   * One loop per transport: after a switch, a send in flight on the old transport may still
   * come back; its success counts (the answer is stored), its failure does not (the new
   * transport sends the same answerId).
   */
  private async flush(): Promise<void> {
    const transport = this.transport;
    if (this.flushingWith === transport || this.closed) return;
    this.flushingWith = transport;
    try {
      while (
        transport === this.transport &&
        this.state.status === 'connected' &&
        this.outbox &&
        this.state.sessionId
      ) {
        const next = this.outbox.list()[0];
        if (!next) return;
        // For the session's health report: how long it waited here (this clock's duration, so
        // a wrong clock does not matter), whether it waited offline, and which send this is.
        // Clamped to what the server takes: a stale outbox item must not cost its answer.
        const attempt = Math.min(this.outbox.sending(next.answerId), DELIVERY_LIMITS.attemptMax);
        const waited = Math.round(this.now() - next.clientCreatedAt);
        const ack = await transport.submit({
          sessionId: this.state.sessionId,
          slideId: next.slideId,
          answerId: next.answerId,
          answer: next.answer,
          clientCreatedAt: next.clientCreatedAt,
          delivery: {
            queuedMs: Math.min(Math.max(0, waited || 0), DELIVERY_LIMITS.queuedMsMax),
            offline: next.offline === true,
            attempt,
          },
        });
        if (!this.outbox) return;
        if (ack.ok) {
          this.outbox.remove(next.answerId);
          const self = this.state.self;
          if (self)
            this.update({
              self: { ...self, responses: { ...self.responses, [next.slideId]: ack.response } },
            });
          this.markIfCurrent(next, 'received');
          continue;
        }
        if (transport !== this.transport) return;
        if (ack.retryable) {
          this.scheduleRetry();
          return;
        }
        this.outbox.remove(next.answerId);
        this.markIfCurrent(next, 'rejected', ack);
      }
    } finally {
      if (this.flushingWith === transport) this.flushingWith = null;
    }
  }

  /**
   * Students measure the round trip on their transport and report the previous measurement
   * with each new one (the server keeps the latest for the teacher's roster): at once after
   * connecting, again right away so the roster has a value, then every `rttIntervalMs`.
   */
  private async measureRtt(): Promise<void> {
    const transport = this.transport;
    if (this.measuringRtt || this.closed || !transport.reportRtt) return;
    if (this.state.role !== 'student' || this.state.status !== 'connected') return;
    this.measuringRtt = true;
    let again = false;
    try {
      const rtt = await transport.reportRtt(this.lastRttMs);
      if (transport !== this.transport) return;
      if (rtt !== null) {
        again = this.lastRttMs === null;
        this.lastRttMs = rtt;
      }
    } finally {
      this.measuringRtt = false;
    }
    if (again) return this.measureRtt();
    if (this.rttTimer || this.closed) return;
    this.rttTimer = setTimeout(() => {
      this.rttTimer = null;
      void this.measureRtt();
    }, this.options.rttIntervalMs ?? 20_000);
  }

  private stopRtt(): void {
    if (this.rttTimer) clearTimeout(this.rttTimer);
    this.rttTimer = null;
    this.lastRttMs = null;
  }

  private scheduleRetry(): void {
    if (this.retryTimer || this.closed) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      void this.flush();
    }, this.options.retryDelayMs ?? 1_000);
  }

  private markIfCurrent(
    item: PendingAnswer,
    status: AnswerStatus['status'],
    error?: ProtocolError,
  ): void {
    const current = this.state.answers[item.slideId];
    if (current && current.answerId !== item.answerId) return;
    this.setAnswer({
      slideId: item.slideId,
      answerId: item.answerId,
      answer: item.answer,
      status,
      ...(error ? { error } : {}),
    });
  }

  private setAnswer(answer: AnswerStatus): void {
    this.update({ answers: { ...this.state.answers, [answer.slideId]: answer } });
  }

  private update(patch: Partial<SessionClientState>): void {
    if (patch.status !== undefined && patch.status !== 'connected') this.outbox?.markOffline();
    this.state = { ...this.state, ...patch };
    for (const listener of this.listeners) listener(this.state);
    if (patch.status === 'connected') {
      void this.flush();
      if (!this.rttTimer) void this.measureRtt();
    }
  }
}

export function createSessionClient(options: SessionClientOptions): SessionClient {
  return new SessionClient(options);
}
