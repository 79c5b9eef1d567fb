import type { SessionStore } from '../store/session-store.ts';
import type { HealthRecord } from './records.ts';

/** A health fact as the runtime notes it: the log adds which process saw it. */
type Unstamped<R> = R extends { process: string } ? Omit<R, 'process'> : R;
export type HealthFact = Unstamped<HealthRecord>;

/**
 * The runtime's one hook for the health report: every fact (a session created or loaded, a
 * connection opened, upgraded or closed, an answer acknowledged, a database write seen) goes
 * through `note`, which stamps it with this process and hands it to the store. Never waited on:
 * stores write the records with their next batch (see SessionStore.recordHealth).
 */
export interface HealthLog {
  readonly processId: string;
  note(sessionId: string, fact: HealthFact): void;
}

/** Kinds that say which process saw them (restarts and moves are told apart by it). */
const STAMPED: ReadonlySet<HealthRecord['k']> = new Set(['created', 'loaded', 'open', 'reattach']);

export function createHealthLog(store: SessionStore, processId: string): HealthLog {
  return {
    processId,
    note(sessionId, fact) {
      if (!store.recordHealth) return;
      const record = (STAMPED.has(fact.k) ? { ...fact, process: processId } : fact) as HealthRecord;
      store.recordHealth(sessionId, [record]);
    },
  };
}
