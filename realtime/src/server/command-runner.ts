import type { Logger } from 'pino';
import { apply, type Applied, type EngineEvent, type Envelope } from '../engine/index.ts';
import {
  protocolError,
  type Deck,
  type ProtocolError,
  type SessionSettings,
  type SessionState,
} from '../protocol/index.ts';
import type { Clock } from './clock.ts';
import type { Durability } from './durability.ts';
import type { HealthLog } from './health/health-log.ts';
import { randomId, randomJoinCode } from './ids.ts';
import type { LiveSession } from './live-session.ts';
import type { RealtimeMetrics } from './metrics.ts';
import type { Ownership, SessionCache } from './session-cache.ts';
import { touchesTimers, type SlideTimers } from './slide-timers.ts';
import { JoinCodeTakenError, type SessionStore } from './store/session-store.ts';

export interface CommandRunnerOptions {
  cache: SessionCache;
  durability: Durability;
  timers: SlideTimers;
  store: SessionStore;
  clock: Clock;
  logger: Logger;
  metrics: RealtimeMetrics;
  health: HealthLog;
  ownership?: Ownership;
  /** Events of one command are durable: tell the clients. */
  committed(live: LiveSession, events: readonly EngineEvent[], origin: string | undefined): void;
}

/**
 * Runs every command through the engine, in one direction: the session (in memory, or loaded),
 * the engine's decision, the durable write, then the clients and the caller's acknowledgement.
 */
export class CommandRunner {
  private readonly options: CommandRunnerOptions;

  constructor(options: CommandRunnerOptions) {
    this.options = options;
  }

  /**
   * Runs one command. Resolves after its events are durable (or, for a duplicate or a no-op,
   * after every earlier write of the session is durable), so an acknowledgement never promises
   * more than the store holds.
   */
  execute(
    sessionId: string,
    envelope: Envelope,
    origin?: string,
    at?: number,
  ): Promise<Applied | ProtocolError> {
    const { cache } = this.options;
    if (cache.isClosed) return Promise.resolve(this.count(envelope, protocolError('unavailable')));
    // A held session runs without waiting a turn for its (already settled) readiness.
    const live = cache.ready(sessionId);
    if (live) return this.run(live, envelope, origin, at);
    return cache
      .get(sessionId)
      .then((loaded) =>
        loaded
          ? this.run(loaded, envelope, origin, at)
          : this.count(envelope, protocolError('session_not_found')),
      );
  }

  async create(
    teacherId: string,
    deck: Deck,
    settings: SessionSettings,
  ): Promise<SessionState | ProtocolError> {
    const { cache, store, clock, ownership, logger, metrics, health } = this.options;
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
      const result = apply(null, envelope, clock.now());
      if (!result.ok) return result;
      if (ownership && !(await ownership.claim(result.state.id))) {
        continue; // a random id someone holds: take another
      }
      try {
        await store.create(result.state, result.events);
      } catch (error) {
        if (error instanceof JoinCodeTakenError) {
          ownership?.released(result.state.id);
          continue;
        }
        logger.error({ err: error }, 'creating a session failed');
        return protocolError('storage_failed');
      }
      cache.adopt(result.state);
      health.note(result.state.id, { k: 'created', at: result.state.createdAt });
      metrics.countCommand('createSession', 'ok');
      return result.state;
    }
    return protocolError('internal_error', 'No free join code; try again.');
  }

  private count<R extends Applied | ProtocolError>(envelope: Envelope, result: R): R {
    this.options.metrics.countCommand(
      envelope.command.type,
      result.ok ? (result.duplicate ? 'duplicate' : 'ok') : result.code,
    );
    return result;
  }

  private async run(
    live: LiveSession,
    envelope: Envelope,
    origin: string | undefined,
    at = this.options.clock.now(),
  ): Promise<Applied | ProtocolError> {
    const result = apply(live.state, envelope, at);
    if (!result.ok) return this.count(envelope, result);
    if (result.events.length === 0) {
      await live.lastAppend;
      return this.count(envelope, result);
    }
    const failed = await this.options.durability.commit(live, result.events, result.state);
    if (failed) return this.count(envelope, failed);
    if (touchesTimers(result.events)) this.options.timers.sync(live);
    this.options.committed(live, result.events, origin);
    return this.count(envelope, result);
  }
}
