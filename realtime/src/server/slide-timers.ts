import { slideExpiresAt, type EngineEvent } from '../engine/index.ts';
import type { Clock } from './clock.ts';
import type { LiveSession } from './live-session.ts';

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

/** True when one of the events may move a slide's deadline (an answer never does). */
export const touchesTimers = (events: readonly EngineEvent[]): boolean =>
  events.some((e) => TIMER_EVENTS.has(e.type));

/**
 * One timer per slide with a deadline, armed for when the slide locks itself: the last student's
 * own deadline (extended time), none while someone has no limit. A time already past fires at
 * once; `expire` runs the engine's `expireTimer` for it.
 */
export class SlideTimers {
  private readonly clock: Clock;
  private readonly expire: (live: LiveSession, slideId: string) => void;

  constructor(clock: Clock, expire: (live: LiveSession, slideId: string) => void) {
    this.clock = clock;
    this.expire = expire;
  }

  sync(live: LiveSession): void {
    const clock = this.clock;
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
          if (clock.now() < deadline) return this.sync(live);
          this.expire(live, slideId);
        },
        Math.max(0, deadline - clock.now()),
      );
      live.timers.set(slideId, { deadline, handle });
    }
  }

  clear(live: LiveSession): void {
    for (const timer of live.timers.values()) this.clock.clearTimeout(timer.handle);
    live.timers.clear();
  }
}
