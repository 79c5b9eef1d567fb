import type { Logger } from 'pino';
import type { EngineEvent } from '../engine/index.ts';
import { protocolError, type ProtocolError, type SessionState } from '../protocol/index.ts';
import type { LiveSession } from './live-session.ts';
import type { RealtimeMetrics } from './metrics.ts';
import { NotOwnerError } from './store/ownership.ts';
import type { SessionStore } from './store/session-store.ts';

export interface DurabilityOptions {
  store: SessionStore;
  logger: Logger;
  metrics: RealtimeMetrics;
  /** Another process took the session over: its state, not ours, is the truth now. */
  lost(live: LiveSession): void;
  /** The session was reloaded from the store after a failed write (undefined: it is gone). */
  reloaded(live: LiveSession, state: SessionState | undefined): void;
}

/**
 * Commit → acknowledge: a command's events are appended to the store, and the command's caller
 * hears back only once they are durable. A failed write reloads the session from the store, since
 * memory may now hold events the store lacks.
 */
export class Durability {
  private readonly options: DurabilityOptions;

  constructor(options: DurabilityOptions) {
    this.options = options;
  }

  /** Resolves once the events are durable (undefined) or with the error to reply. */
  async commit(
    live: LiveSession,
    events: readonly EngineEvent[],
    state: SessionState,
  ): Promise<ProtocolError | undefined> {
    const { store, logger, metrics } = this.options;
    const generation = live.generation;
    const started = performance.now();
    live.pendingWrites += 1;
    const write = store.append(live.id, events, state);
    live.lastAppend = write.then(settled, settled);
    try {
      await write;
    } catch (error) {
      if (error instanceof NotOwnerError) {
        logger.warn({ sessionId: live.id }, 'lost ownership of the session; letting it go');
        this.options.lost(live);
        return protocolError('unavailable', 'The session moved; try again.');
      }
      logger.error(
        { err: error, sessionId: live.id },
        'durable write failed; reloading the session',
      );
      if (live.generation === generation) this.recover(live);
      return protocolError('storage_failed');
    } finally {
      live.pendingWrites -= 1;
    }
    metrics.storeCommitSeconds.observe((performance.now() - started) / 1000);
    return undefined;
  }

  private recover(live: LiveSession): void {
    live.generation += 1;
    live.reloading = true;
    live.ready = (async () => {
      await live.lastAppend;
      const state = await this.options.store.load(live.id).catch((error: unknown) => {
        this.options.logger.error(
          { err: error, sessionId: live.id },
          'reload after a failed write failed',
        );
        return undefined;
      });
      if (state) live.state = state;
      live.reloading = false;
      this.options.reloaded(live, state);
    })();
  }
}

const settled = () => undefined;
