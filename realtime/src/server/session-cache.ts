import type { SessionState } from '../protocol/index.ts';
import type { Clock } from './clock.ts';
import type { HealthLog } from './health/health-log.ts';
import { LiveSession } from './live-session.ts';
import type { RealtimeMetrics } from './metrics.ts';
import { PresenceTracker } from './presence.ts';
import type { SessionStore } from './store/session-store.ts';

/** Another process owns the session; ask it instead (cluster mode only). */
export class NotHeldHereError extends Error {}

/**
 * Several processes: a session may be held here only while this process owns it
 * (cluster/session-lease.ts). `claim` takes or confirms ownership before a load or a create;
 * `released` is told when the session leaves memory. Unset for a single process.
 */
export interface Ownership {
  claim(sessionId: string): Promise<boolean>;
  released(sessionId: string): void;
}

export interface SessionCacheOptions {
  store: SessionStore;
  clock: Clock;
  metrics: RealtimeMetrics;
  health: HealthLog;
  presenceGoneAfterMs: number;
  ownership?: Ownership;
  /** A session entered memory (created here or loaded). */
  adopted(live: LiveSession): void;
  /** A student's presence changed (connected, gone, round trip). */
  presenceChanged(live: LiveSession, studentId: string): void;
  /** A session left memory: stop what `adopted` started. */
  evicted(live: LiveSession): void;
}

/** The sessions this process holds in memory, loaded from the store on first use. */
export class SessionCache {
  private readonly sessions = new Map<string, LiveSession>();
  private readonly loading = new Map<string, Promise<LiveSession | undefined>>();
  private closed = false;
  private readonly options: SessionCacheOptions;

  constructor(options: SessionCacheOptions) {
    this.options = options;
  }

  get size(): number {
    return this.sessions.size;
  }

  get isClosed(): boolean {
    return this.closed;
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

  /** The session in memory and usable now (not reloading after a failed write): no await. */
  ready(sessionId: string): LiveSession | undefined {
    const live = this.sessions.get(sessionId);
    return live && !live.reloading ? live : undefined;
  }

  /** A live session held here with this join code (its state here is the truth: we own it). */
  findLiveByJoinCode(joinCode: string): string | undefined {
    const live = this.byJoinCode.get(joinCode);
    return live && live.state.status === 'live' && live.state.joinCode === joinCode
      ? live.id
      : undefined;
  }

  private readonly byJoinCode = new Map<string, LiveSession>();

  adopt(state: SessionState): LiveSession {
    const live = new LiveSession(state);
    live.presence = new PresenceTracker(
      this.options.clock,
      this.options.presenceGoneAfterMs,
      (studentId) => this.options.presenceChanged(live, studentId),
    );
    this.sessions.set(state.id, live);
    this.byJoinCode.set(state.joinCode, live);
    this.options.metrics.liveSessions.set(this.sessions.size);
    this.options.adopted(live);
    return live;
  }

  evict(live: LiveSession): void {
    if (this.sessions.get(live.id) !== live) return;
    this.sessions.delete(live.id);
    if (this.byJoinCode.get(live.state.joinCode) === live)
      this.byJoinCode.delete(live.state.joinCode);
    live.presence.dispose();
    this.options.metrics.liveSessions.set(this.sessions.size);
    this.options.ownership?.released(live.id);
    this.options.evicted(live);
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
    const { ownership, store, clock, health } = this.options;
    if (ownership && !(await ownership.claim(sessionId))) throw new NotHeldHereError(sessionId);
    const state = await store.load(sessionId);
    const existing = this.sessions.get(sessionId);
    if (existing) return existing;
    if (!state) {
      ownership?.released(sessionId);
      return undefined;
    }
    health.note(sessionId, { k: 'loaded', at: clock.now(), seq: state.seq });
    const live = this.adopt(state);
    live.presence.expect(
      Object.values(state.students)
        .filter((s) => !s.removed)
        .map((s) => s.id),
    );
    return live;
  }
}
