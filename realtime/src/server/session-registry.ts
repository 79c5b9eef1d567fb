import type { Logger } from 'pino';
import type { Applied, EngineEvent, Envelope } from '../engine/index.ts';
import type { Deck, ProtocolError, SessionSettings, SessionState } from '../protocol/index.ts';
import type { Clock } from './clock.ts';
import { CommandRunner } from './command-runner.ts';
import { Durability } from './durability.ts';
import { watchExternalWrites } from './firebase-ingestion.ts';
import type { HealthLog } from './health/health-log.ts';
import { IdleEviction } from './idle-eviction.ts';
import type { LiveSession } from './live-session.ts';
import type { RealtimeMetrics } from './metrics.ts';
import { SessionCache, type Ownership } from './session-cache.ts';
import { SlideTimers } from './slide-timers.ts';
import type { SessionStore } from './store/session-store.ts';

export { NotHeldHereError } from './session-cache.ts';

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
  /** The one hook health facts go through (it knows this process's id). */
  health: HealthLog;
  presenceGoneAfterMs: number;
  sessionIdleEvictMs: number;
  /** Several processes: see session-cache.ts. Unset for a single process. */
  ownership?: Ownership;
}

/**
 * The sessions of this process, put together from one piece per job: the cache (session-cache.ts),
 * the command runner (command-runner.ts) and its durable writes (durability.ts), slide timers
 * (slide-timers.ts), idle eviction (idle-eviction.ts) and, in Firebase mode, the browsers' own
 * writes (firebase-ingestion.ts). An answer goes one way: runner → engine → store → clients.
 */
export class SessionRegistry {
  private hooks: RegistryHooks | null = null;
  private readonly options: RegistryOptions;
  private readonly cache: SessionCache;
  private readonly runner: CommandRunner;
  private readonly eviction: IdleEviction;

  constructor(options: RegistryOptions) {
    this.options = options;
    const { store, clock, logger, metrics, health, ownership } = options;
    const timers = new SlideTimers(clock, (live, slideId) => {
      void this.execute(live.id, {
        actor: { role: 'system' },
        command: { type: 'expireTimer', slideId },
      });
    });
    const evict = (live: LiveSession) => this.cache.evict(live);
    this.eviction = new IdleEviction(clock, options.sessionIdleEvictMs, evict);
    this.cache = new SessionCache({
      store,
      clock,
      metrics,
      health,
      presenceGoneAfterMs: options.presenceGoneAfterMs,
      ...(ownership ? { ownership } : {}),
      adopted: (live) => {
        timers.sync(live);
        live.unwatch = watchExternalWrites(live, {
          store,
          clock,
          logger,
          health,
          execute: (sessionId, envelope, origin, at) =>
            this.execute(sessionId, envelope, origin, at),
        });
        this.eviction.schedule(live);
      },
      presenceChanged: (live, studentId) => this.hooks?.presenceChanged(live, studentId),
      evicted: (live) => {
        live.unwatch?.();
        live.unwatch = null;
        this.eviction.cancel(live);
        timers.clear(live);
        this.hooks?.evicted(live);
      },
    });
    const durability = new Durability({
      store,
      logger,
      metrics,
      lost: evict,
      reloaded: (live, state) => (state ? timers.sync(live) : evict(live)),
    });
    this.runner = new CommandRunner({
      cache: this.cache,
      durability,
      timers,
      store,
      clock,
      logger,
      metrics,
      health,
      ...(ownership ? { ownership } : {}),
      committed: (live, events, origin) => this.hooks?.committed(live, events, origin),
    });
  }

  setHooks(hooks: RegistryHooks): void {
    this.hooks = hooks;
  }

  get size(): number {
    return this.cache.size;
  }

  get(sessionId: string): Promise<LiveSession | undefined> {
    return this.cache.get(sessionId);
  }

  /** The session in memory, without loading it. */
  peek(sessionId: string): LiveSession | undefined {
    return this.cache.peek(sessionId);
  }

  /** The session in memory and usable now, or undefined (then `get` it). */
  ready(sessionId: string): LiveSession | undefined {
    return this.cache.ready(sessionId);
  }

  get health(): HealthLog {
    return this.options.health;
  }

  /**
   * The session as stored, after this process's pending writes to it; it is not loaded into
   * memory (a report, an export or an erasure check does not make a session live here).
   */
  async stored(sessionId: string): Promise<SessionState | undefined> {
    const live = this.cache.peek(sessionId);
    if (live) await live.lastAppend;
    return this.options.store.load(sessionId);
  }

  /** The session as stored (not as held in memory) and its health records, for the report. */
  async healthSources(
    sessionId: string,
  ): Promise<
    { state: SessionState; records: AsyncIterable<unknown[]> | Iterable<unknown[]> } | undefined
  > {
    const state = await this.stored(sessionId);
    // Read as the report folds them, a stored batch at a time.
    return state ? { state, records: this.options.store.readHealth?.(sessionId) ?? [] } : undefined;
  }

  async findSessionIdByJoinCode(joinCode: string): Promise<string | undefined> {
    return (
      this.cache.findLiveByJoinCode(joinCode) ?? this.options.store.findLiveSessionId(joinCode)
    );
  }

  create(
    teacherId: string,
    deck: Deck,
    settings: SessionSettings,
  ): Promise<SessionState | ProtocolError> {
    return this.runner.create(teacherId, deck, settings);
  }

  /** Runs one command; resolves once its events are durable (see CommandRunner.execute). */
  execute(
    sessionId: string,
    envelope: Envelope,
    origin?: string,
    at?: number,
  ): Promise<Applied | ProtocolError> {
    return this.runner.execute(sessionId, envelope, origin, at);
  }

  async delete(sessionId: string): Promise<boolean> {
    this.cache.letGo(sessionId);
    return this.options.store.delete(sessionId);
  }

  /**
   * Erases a student from the store (SessionStore.eraseStudent) and from this process's memory:
   * the session leaves memory after its pending writes, so the next use loads the erased state
   * (and the student's token no longer finds them). Ended sessions only (the caller checks).
   */
  async eraseStudent(sessionId: string, studentId: string): Promise<boolean> {
    const live = this.cache.peek(sessionId);
    if (live) await live.lastAppend;
    this.cache.letGo(sessionId);
    const erased = await this.options.store.eraseStudent(sessionId, studentId);
    // Whatever was loaded again meanwhile held the student: it goes too.
    this.cache.letGo(sessionId);
    if (erased) this.options.metrics.studentErasures.inc();
    return erased;
  }

  /** A socket of this session connected. */
  attach(live: LiveSession): void {
    this.eviction.attach(live);
  }

  detach(live: LiveSession): void {
    this.eviction.detach(live);
  }

  /** Drops a session from memory (its ownership moved to another process). */
  letGo(sessionId: string): void {
    this.cache.letGo(sessionId);
  }

  close(): void {
    this.cache.close();
  }
}
