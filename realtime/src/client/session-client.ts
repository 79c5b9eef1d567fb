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
  type TeacherCommand,
  type TeacherSnapshot,
} from '../protocol/index.ts';
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
}

export interface SessionClientOptions {
  transport: SessionTransport;
  /** `browserStorage()` in pages; memory by default. Shared storage = survives a reload. */
  storage?: KeyValueStorage;
  now?: () => number;
  /** Wait before resending answers that got a retryable error while connected. */
  retryDelayMs?: number;
}

interface StoredIdentity {
  sessionId: string;
  studentId: string;
  token: string;
}

const identityKey = (code: string) => `classpulse:v1:identity:${code}`;

/** Whether this browser already joined the session with this code (so a reload resumes it). */
export function hasStoredIdentity(storage: KeyValueStorage, code: string): boolean {
  const parsed = joinCodeSchema.safeParse(code);
  return parsed.success && readJson<StoredIdentity>(storage, identityKey(parsed.data)) !== null;
}
const outboxKey = (sessionId: string, studentId: string) =>
  `classpulse:v1:outbox:${sessionId}:${studentId}`;

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
  };
  private readonly listeners = new Set<(state: SessionClientState) => void>();
  private readonly storage: KeyValueStorage;
  private readonly now: () => number;
  private outbox: Outbox | null = null;
  /** Unsent answers of an identity that stopped working, waiting for the new one. */
  private carryOver: PendingAnswer[] = [];
  private flushing = false;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private auth: HandshakeAuth | null = null;
  private joinCode: string | null = null;
  private joinName: string | null = null;
  private closed = false;

  constructor(private readonly options: SessionClientOptions) {
    this.storage = options.storage ?? memoryStorage();
    this.now = options.now ?? Date.now;
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
    return this.options.transport.navigate({ sessionId, slideIndex });
  }

  /** Teacher commands are not queued: the dashboard shows a failure at once. */
  async command(command: TeacherCommand): Promise<CommandAck> {
    const sessionId = this.state.sessionId;
    if (!sessionId) return protocolError('unavailable', 'Not connected yet.');
    return this.options.transport.command({ sessionId, command });
  }

  close(): void {
    this.closed = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.options.transport.close();
    this.update({ status: 'closed' });
  }

  private start(): void {
    const listener: TransportListener = {
      status: (status, error) => this.onStatus(status, error),
      welcome: (w) => {
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
      studentSession: (session) => this.update({ session }),
      studentSelf: (self) => this.onSelf(self),
      teacherSnapshot: (teacher) => this.update({ teacher }),
      teacherDelta: (delta) => {
        if (this.state.teacher)
          this.update({ teacher: applyTeacherDelta(this.state.teacher, delta) });
      },
      closed: (reason) => this.update({ error: reason }),
    };
    this.options.transport.connect(() => this.auth ?? { v: PROTOCOL_VERSION, token: '' }, listener);
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
      this.auth = { v: PROTOCOL_VERSION, join: { code: this.joinCode, name: this.joinName ?? '' } };
      // Answers not yet acknowledged move to the new identity instead of being dropped.
      this.carryOver = [...(this.outbox?.list() ?? [])];
      for (const p of this.carryOver) this.outbox?.remove(p.answerId);
      this.outbox = null;
      this.update({ sessionId: null, studentId: null, answers: {}, self: null });
      this.options.transport.close();
      this.start();
      return;
    }
    if (status === 'closed' && error?.code === 'student_removed' && this.joinCode) {
      this.storage.removeItem(identityKey(this.joinCode));
    }
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
    }
  }

  private currentToken(): string {
    return this.auth && 'token' in this.auth ? this.auth.token : '';
  }

  /** Sends queued answers one by one while connected; stops at the first retryable failure. */
  private async flush(): Promise<void> {
    if (this.flushing || this.closed) return;
    this.flushing = true;
    try {
      while (this.state.status === 'connected' && this.outbox && this.state.sessionId) {
        const next = this.outbox.list()[0];
        if (!next) return;
        // For the session's health report: how long it waited here (this clock's duration, so
        // a wrong clock does not matter), whether it waited offline, and which send this is.
        // Clamped to what the server takes: a stale outbox item must not cost its answer.
        const attempt = Math.min(this.outbox.sending(next.answerId), DELIVERY_LIMITS.attemptMax);
        const waited = Math.round(this.now() - next.clientCreatedAt);
        const ack = await this.options.transport.submit({
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
        if (ack.retryable) {
          this.scheduleRetry();
          return;
        }
        this.outbox.remove(next.answerId);
        this.markIfCurrent(next, 'rejected', ack);
      }
    } finally {
      this.flushing = false;
    }
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
    if (patch.status === 'connected') void this.flush();
  }
}

export function createSessionClient(options: SessionClientOptions): SessionClient {
  return new SessionClient(options);
}
