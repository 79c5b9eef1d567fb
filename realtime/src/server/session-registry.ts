import type { Logger } from 'pino';
import {
  apply,
  slideExpiresAt,
  type Applied,
  type EngineEvent,
  type Envelope,
} from '../engine/index.ts';
import {
  protocolError,
  type Deck,
  type DeliveryFacts,
  type ProtocolError,
  type SessionSettings,
  type SessionState,
  type StoredResponse,
} from '../protocol/index.ts';
import type { Clock } from './clock.ts';
import type { HealthRecord } from './health/records.ts';
import { randomId, randomJoinCode } from './ids.ts';
import { LiveSession } from './live-session.ts';
import type { RealtimeMetrics } from './metrics.ts';
import { PresenceTracker } from './presence.ts';
import { NotOwnerError } from './store/ownership.ts';
import {
  JoinCodeTakenError,
  type ExternalPresence,
  type SessionStore,
} from './store/session-store.ts';

export interface RegistryHooks {
  /** Events of one command are durable: tell the clients. */
  committed(live: LiveSession, events: readonly EngineEvent[], origin: string | undefined): void;
  presenceChanged(live: LiveSession, studentId: string): void;
  evicted(live: LiveSession): void;
}

export interface RegistryOptions {
  store: SessionStore;
  clock: Clock;
  logger: Logger;
  metrics: RealtimeMetrics;
  presenceGoneAfterMs: number;
  sessionIdleEvictMs: number;
  /** This process among all that ever held a session (health records tell restarts by it). */
  processId: string;
  /**
   * Several processes: a session may be held here only while this process owns it
   * (cluster/session-lease.ts). `claim` takes or confirms ownership before a load or a create;
   * `released` is told when the session leaves memory. Unset for a single process.
   */
  ownership?: {
    claim(sessionId: string): Promise<boolean>;
    released(sessionId: string): void;
  };
}

/** Another process owns the session; ask it instead (cluster mode only). */
export class NotHeldHereError extends Error {}

const TIMER_EVENTS = new Set<EngineEvent['type']>([
  'timerStarted',
  'timerCancelled',
  'timerExpired',
  'slideLockChanged',
  'correctRevealChanged',
  'sessionEnded',
  // A slide locks itself once the last student's own deadline has passed (extended time).
  'extendedTimeChanged',
  'studentRemoved',
  'studentReadmitted',
]);

/**
 * Sessions in memory: loads them from the store on first use, runs every command through the
 * engine, acknowledges only after the store made the events durable, and drives slide timers.
 */
export class SessionRegistry {
  private readonly sessions = new Map<string, LiveSession>();
  private readonly loading = new Map<string, Promise<LiveSession | undefined>>();
  private hooks: RegistryHooks | null = null;
  /** Firebase answers this process logged as acknowledged by the database (health report). */
  private readonly dbAcksLogged = new WeakMap<LiveSession, Set<string>>();
  private closed = false;
  private readonly options: RegistryOptions;

  constructor(options: RegistryOptions) {
    this.options = options;
  }

  setHooks(hooks: RegistryHooks): void {
    this.hooks = hooks;
  }

  get size(): number {
    return this.sessions.size;
  }

  async get(sessionId: string): Promise<LiveSession | undefined> {
    const cached = this.sessions.get(sessionId);
    if (cached) {
      await cached.ready;
      return this.sessions.get(sessionId);
    }
    let pending = this.loading.get(sessionId);
    if (!pending) {
      pending = this.load(sessionId).finally(() => this.loading.delete(sessionId));
      this.loading.set(sessionId, pending);
    }
    return pending;
  }

  /** The session in memory, without loading it. */
  peek(sessionId: string): LiveSession | undefined {
    return this.sessions.get(sessionId);
  }

  get processId(): string {
    return this.options.processId;
  }

  /** Keeps facts for the session's health report; never waited on (see SessionStore). */
  recordHealth(sessionId: string, ...records: HealthRecord[]): void {
    this.options.store.recordHealth?.(sessionId, records);
  }

  /** The session as stored (not as held in memory) and its health records, for the report. */
  async healthSources(
    sessionId: string,
  ): Promise<
    { state: SessionState; records: AsyncIterable<unknown[]> | Iterable<unknown[]> } | undefined
  > {
    const live = this.sessions.get(sessionId);
    if (live) await live.lastAppend;
    const state = await this.options.store.load(sessionId);
    // Read as the report folds them, a stored batch at a time.
    return state ? { state, records: this.options.store.readHealth?.(sessionId) ?? [] } : undefined;
  }

  findSessionIdByJoinCode(joinCode: string): Promise<string | undefined> {
    return this.options.store.findLiveSessionId(joinCode);
  }

  async create(
    teacherId: string,
    deck: Deck,
    settings: SessionSettings,
  ): Promise<SessionState | ProtocolError> {
    for (let attempt = 0; attempt < 8; attempt++) {
      const envelope: Envelope = {
        actor: { role: 'teacher', teacherId },
        command: {
          type: 'createSession',
          sessionId: randomId(),
          joinCode: randomJoinCode(),
          deck,
          settings,
        },
      };
      const result = apply(null, envelope, this.options.clock.now());
      if (!result.ok) return result;
      if (this.options.ownership && !(await this.options.ownership.claim(result.state.id))) {
        continue; // a random id someone holds: take another
      }
      try {
        await this.options.store.create(result.state, result.events);
      } catch (error) {
        if (error instanceof JoinCodeTakenError) {
          this.options.ownership?.released(result.state.id);
          continue;
        }
        this.options.logger.error({ err: error }, 'creating a session failed');
        return protocolError('storage_failed');
      }
      this.scheduleEviction(this.adopt(result.state));
      this.recordHealth(result.state.id, {
        k: 'created',
        at: result.state.createdAt,
        process: this.options.processId,
      });
      this.options.metrics.countCommand('createSession', 'ok');
      return result.state;
    }
    return protocolError('internal_error', 'No free join code; try again.');
  }

  /**
   * Runs one command. Resolves after its events are durable (or, for a duplicate or a no-op,
   * after every earlier write of the session is durable), so an acknowledgement never promises
   * more than the store holds.
   */
  async execute(
    sessionId: string,
    envelope: Envelope,
    origin?: string,
    at?: number,
  ): Promise<Applied | ProtocolError> {
    const type = envelope.command.type;
    const outcome = await this.executeUncounted(sessionId, envelope, origin, at);
    this.options.metrics.countCommand(
      type,
      outcome.ok ? (outcome.duplicate ? 'duplicate' : 'ok') : outcome.code,
    );
    return outcome;
  }

  private async executeUncounted(
    sessionId: string,
    envelope: Envelope,
    origin: string | undefined,
    at = this.options.clock.now(),
  ): Promise<Applied | ProtocolError> {
    if (this.closed) return protocolError('unavailable');
    const live = await this.get(sessionId);
    if (!live) return protocolError('session_not_found');

    const result = apply(live.state, envelope, at);
    if (!result.ok) return result;
    if (result.events.length === 0) {
      await live.lastAppend;
      return result;
    }

    const generation = live.generation;
    const started = performance.now();
    live.pendingWrites += 1;
    const write = this.options.store.append(live.id, result.events, result.state);
    live.lastAppend = write.then(
      () => undefined,
      () => undefined,
    );
    try {
      await write;
    } catch (error) {
      if (error instanceof NotOwnerError) {
        // Another process took the session over: its state, not ours, is the truth now.
        this.options.logger.warn({ sessionId }, 'lost ownership of the session; letting it go');
        this.evict(live);
        return protocolError('unavailable', 'The session moved; try again.');
      }
      this.options.logger.error(
        { err: error, sessionId },
        'durable write failed; reloading the session',
      );
      if (live.generation === generation) this.recover(live);
      return protocolError('storage_failed');
    } finally {
      live.pendingWrites -= 1;
    }
    this.options.metrics.storeCommitSeconds.observe((performance.now() - started) / 1000);
    if (result.events.some((e) => TIMER_EVENTS.has(e.type))) this.syncTimers(live);
    this.hooks?.committed(live, result.events, origin);
    return result;
  }

  async delete(sessionId: string): Promise<boolean> {
    const live = this.sessions.get(sessionId);
    if (live) this.evict(live);
    return this.options.store.delete(sessionId);
  }

  /** A socket of this session connected. */
  attach(live: LiveSession): void {
    live.sockets += 1;
    if (live.evictTimer) this.options.clock.clearTimeout(live.evictTimer);
    live.evictTimer = null;
  }

  detach(live: LiveSession): void {
    live.sockets = Math.max(0, live.sockets - 1);
    if (live.sockets === 0) this.scheduleEviction(live);
  }

  /** Drops a session from memory (its ownership moved to another process). */
  letGo(sessionId: string): void {
    const live = this.sessions.get(sessionId);
    if (live) this.evict(live);
  }

  close(): void {
    this.closed = true;
    for (const live of [...this.sessions.values()]) this.evict(live);
  }

  private async load(sessionId: string): Promise<LiveSession | undefined> {
    if (this.closed) return undefined;
    const ownership = this.options.ownership;
    if (ownership && !(await ownership.claim(sessionId))) throw new NotHeldHereError(sessionId);
    const state = await this.options.store.load(sessionId);
    const existing = this.sessions.get(sessionId);
    if (existing) return existing;
    if (!state) {
      ownership?.released(sessionId);
      return undefined;
    }
    this.recordHealth(sessionId, {
      k: 'loaded',
      at: this.options.clock.now(),
      process: this.options.processId,
      seq: state.seq,
    });
    const live = this.adopt(state);
    live.presence.expect(
      Object.values(state.students)
        .filter((s) => !s.removed)
        .map((s) => s.id),
    );
    this.scheduleEviction(live);
    return live;
  }

  private adopt(state: SessionState): LiveSession {
    const live = new LiveSession(state);
    live.presence = new PresenceTracker(
      this.options.clock,
      this.options.presenceGoneAfterMs,
      (studentId) => this.hooks?.presenceChanged(live, studentId),
    );
    this.sessions.set(state.id, live);
    this.options.metrics.liveSessions.set(this.sessions.size);
    this.syncTimers(live);
    live.unwatch =
      this.options.store.watch?.(state.id, {
        response: (slideId, studentId, response, delivery) =>
          this.externalResponse(live, slideId, studentId, response, delivery),
        presence: (studentId, presence) => this.externalPresence(live, studentId, presence),
      }) ?? null;
    return live;
  }

  /**
   * An answer a browser wrote to the database itself (Firebase transport). The database's rules
   * let it in; the engine, where session rules live, still decides it like any submission, at
   * the time the database stored it, and logs it like any other command.
   */
  private externalResponse(
    live: LiveSession,
    slideId: string,
    studentId: string,
    response: StoredResponse,
    delivery: DeliveryFacts | undefined,
  ): void {
    // The database acknowledged this write to the browser: that is what the student saw as
    // "received", so it is logged for the health report's stored check. Nodes carry `delivery`
    // until a server rewrites them, so a browser write that arrived while no process held the
    // session is logged when one loads it. The watch passes every response of a slide on each
    // change: each answer is logged once per process (the report counts it once overall).
    const logDbAck = (refused?: string) => {
      let logged = this.dbAcksLogged.get(live);
      if (!logged) this.dbAcksLogged.set(live, (logged = new Set()));
      const key = `${slideId}\u0000${studentId}\u0000${response.answerId}`;
      if (logged.has(key)) return;
      logged.add(key);
      this.recordHealth(live.id, {
        k: 'db-ack',
        at: this.options.clock.now(),
        storedAt: response.submittedAt,
        studentId,
        slideId,
        answerId: response.answerId,
        ...(response.clientCreatedAt === null ? {} : { clientCreatedAt: response.clientCreatedAt }),
        ...(delivery ?? {}),
        ...(refused === undefined ? {} : { refused }),
      });
    };
    if (live.state.responses[slideId]?.[studentId]?.answerIds.includes(response.answerId)) {
      if (delivery) logDbAck();
      return;
    }
    const command = {
      type: 'submitAnswer' as const,
      slideId,
      answerId: response.answerId,
      answer: response.answer,
      ...(response.clientCreatedAt === null ? {} : { clientCreatedAt: response.clientCreatedAt }),
    };
    void this.execute(
      live.id,
      { actor: { role: 'student', studentId }, command },
      'firebase',
      response.submittedAt,
    ).then((outcome) => {
      logDbAck(outcome.ok ? undefined : outcome.code);
      if (!outcome.ok)
        this.options.logger.warn(
          { sessionId: live.id, slideId, studentId, code: outcome.code },
          'the engine refused an answer the database rules let in',
        );
    });
  }

  /**
   * A Firebase student's presence node counts as one connection while it says connected. The
   * browser writes the round trip it measured into its `rttMs` (every 20 s), which presence
   * keeps for the teacher's roster (rate-limited there).
   */
  private externalPresence(
    live: LiveSession,
    studentId: string,
    presence: ExternalPresence | null,
  ): void {
    const connected = presence?.status === 'connected';
    if (connected !== live.firebaseConnected.has(studentId)) {
      // Times are the database's (its server timestamp of the presence write); a connection is
      // named by when it connected, so seeing it again after a load counts it once.
      const at = presence?.lastSeenAt || this.options.clock.now();
      if (connected) {
        live.firebaseConnected.add(studentId);
        live.presence.connected(studentId, 'firebase');
        this.recordHealth(live.id, {
          k: 'open',
          at,
          studentId,
          connection: `firebase:${at}`,
          transport: 'firebase',
          process: this.options.processId,
        });
      } else {
        live.firebaseConnected.delete(studentId);
        live.presence.disconnected(studentId);
        this.recordHealth(live.id, {
          k: 'close',
          at,
          studentId,
          connection: 'firebase',
          reason: presence ? 'connection lost' : 'presence removed',
        });
      }
    }
    if (connected && presence.rttMs !== undefined)
      live.presence.rtt(studentId, 'firebase', presence.rttMs);
  }

  /** After a failed write the in-memory state may hold events the store lacks: reload it. */
  private recover(live: LiveSession): void {
    live.generation += 1;
    live.ready = (async () => {
      await live.lastAppend;
      const state = await this.options.store.load(live.id).catch((error: unknown) => {
        this.options.logger.error(
          { err: error, sessionId: live.id },
          'reload after a failed write failed',
        );
        return undefined;
      });
      if (state) {
        live.state = state;
        this.syncTimers(live);
      } else {
        this.evict(live);
      }
    })();
  }

  private scheduleEviction(live: LiveSession): void {
    if (live.evictTimer) this.options.clock.clearTimeout(live.evictTimer);
    live.evictTimer = this.options.clock.setTimeout(() => {
      live.evictTimer = null;
      if (live.sockets > 0) return;
      if (live.pendingWrites > 0) return this.scheduleEviction(live);
      this.evict(live);
    }, this.options.sessionIdleEvictMs);
    live.evictTimer.unref?.();
  }

  private evict(live: LiveSession): void {
    if (this.sessions.get(live.id) !== live) return;
    this.sessions.delete(live.id);
    live.unwatch?.();
    live.unwatch = null;
    if (live.evictTimer) this.options.clock.clearTimeout(live.evictTimer);
    for (const timer of live.timers.values()) this.options.clock.clearTimeout(timer.handle);
    live.timers.clear();
    live.presence.dispose();
    this.options.metrics.liveSessions.set(this.sessions.size);
    this.options.ownership?.released(live.id);
    this.hooks?.evicted(live);
  }

  /**
   * One timer per slide with a deadline, armed for when the slide locks itself: the last
   * student's own deadline (extended time), none while someone has no limit. A time already past
   * fires at once.
   */
  private syncTimers(live: LiveSession): void {
    const clock = this.options.clock;
    const wanted = new Map<string, number>();
    if (live.state.status === 'live') {
      for (const [slideId, runtime] of Object.entries(live.state.slides)) {
        const expiresAt = slideExpiresAt(live.state, runtime);
        if (expiresAt !== null) wanted.set(slideId, expiresAt);
      }
    }
    for (const [slideId, timer] of live.timers) {
      if (wanted.get(slideId) !== timer.deadline) {
        clock.clearTimeout(timer.handle);
        live.timers.delete(slideId);
      }
    }
    for (const [slideId, deadline] of wanted) {
      if (live.timers.has(slideId)) continue;
      const handle = clock.setTimeout(
        () => {
          live.timers.delete(slideId);
          // Timers may fire a millisecond early by the wall clock; wait for the real deadline.
          if (clock.now() < deadline) return this.syncTimers(live);
          void this.execute(live.id, {
            actor: { role: 'system' },
            command: { type: 'expireTimer', slideId },
          });
        },
        Math.max(0, deadline - clock.now()),
      );
      live.timers.set(slideId, { deadline, handle });
    }
  }
}
