import type { EngineEvent } from '../../engine/index.ts';
import type { DeliveryFacts, SessionState, StoredResponse } from '../../protocol/index.ts';
import type { HealthRecord } from '../health/records.ts';

/** The join code belongs to another live session; pick another one. */
export class JoinCodeTakenError extends Error {
  constructor() {
    super('join code already in use');
  }
}

/** The store refused an append that would leave a gap or fork in a session's log. */
export class SeqConflictError extends Error {}

export interface SessionSummary {
  id: string;
  joinCode: string;
  teacherId: string;
  title: string;
  status: 'live' | 'ended';
  createdAt: number;
}

/** A student's presence as a browser on the Firebase transport wrote it. */
export interface ExternalPresence {
  status: 'connected' | 'gone';
  lastSeenAt: number;
  /** The round trip the browser measured to the database (ms), when it reported one. */
  rttMs?: number;
}

/** Writes that reach a session's store without passing through this process. */
export interface ExternalChanges {
  /**
   * A student's response as now stored (also this process's own writes, echoed). `delivery`:
   * what the browser reported with it (health report only), when it did.
   */
  response(
    slideId: string,
    studentId: string,
    response: StoredResponse,
    delivery?: DeliveryFacts,
  ): void;
  presence(studentId: string, presence: ExternalPresence | null): void;
}

/**
 * Where sessions live durably. Adapters: SQLite (embedded default) and, later, Firebase. One
 * contract suite runs against every adapter. A resolved `append` means the events are durable:
 * only then may the server acknowledge the command that produced them.
 */
export interface SessionStore {
  /** Stores a new session (its first event already applied: `state.seq === 1`). */
  create(state: SessionState, events: readonly EngineEvent[]): Promise<void>;
  /** The session as of its last durable event, or undefined. */
  load(sessionId: string): Promise<SessionState | undefined>;
  /** Live sessions only: an ended session's code is free again. */
  findLiveSessionId(joinCode: string): Promise<string | undefined>;
  /**
   * Appends the events of command number `state.seq`. `state` is the state after them; adapters
   * may snapshot it and must serialize it before returning (the caller keeps changing it).
   */
  append(sessionId: string, events: readonly EngineEvent[], state: SessionState): Promise<void>;
  /** Removes the session and every answer in it. */
  delete(sessionId: string): Promise<boolean>;
  /**
   * Erases one student from the session everywhere the store keeps it, atomically: the state is
   * compacted to `withoutStudent` (engine/erase-student.ts) as the new snapshot, the log and
   * snapshots before it (which mention the student) are dropped, and the student's health
   * records and presence go. Other students' data stays as it was. False when the session has
   * nothing of that student (health records are scrubbed all the same). Callers stop writing the
   * session first (ended sessions only, through the process holding it).
   */
  eraseStudent(sessionId: string, studentId: string): Promise<boolean>;
  list(teacherId?: string): Promise<SessionSummary[]>;
  /**
   * Firebase mode: browsers answer and report presence straight to the database, so a process
   * holding the session follows those writes. Returns the unsubscribe. Absent for stores only
   * this tier writes.
   */
  watch?(sessionId: string, changes: ExternalChanges): () => void;
  /**
   * Keeps facts for the session's health report (connections, acknowledgements, loads; see
   * health/records.ts). They go out with the store's next write, never on the path of an
   * acknowledgement: the caller does not wait, and a failed write loses a fact, never an answer.
   * Absent for stores that keep none.
   */
  recordHealth?(sessionId: string, records: readonly HealthRecord[]): void;
  /**
   * The session's health records in the order given, once those given so far are durable, a
   * stored batch at a time (a large session's records never all in memory at once). Raw: parse
   * them.
   */
  readHealth?(sessionId: string): AsyncIterable<unknown[]>;
  /** Finishes pending writes, then releases resources. Safe to call twice. */
  close(): Promise<void>;
}
