import type { Presence, SessionState } from '../protocol/index.ts';
import type { PresenceTracker } from './presence.ts';

/** Teacher updates collected during one event-loop turn, sent as one `teacher:delta`. */
export interface PendingTeacherDelta {
  meta: boolean;
  students: Set<string>;
  responses: Map<
    string,
    { slideId: string; studentId: string; response: SessionState['responses'][string][string] }
  >;
  presence: Map<string, Presence>;
}

/** A session held in memory by this process, with its connections, timers and pending output. */
export class LiveSession {
  state: SessionState;
  presence!: PresenceTracker;
  /** Resolves when the state is usable (after a load or a recovery from a failed write). */
  ready: Promise<void> = Promise.resolve();
  /** True while the state is reloaded after a failed write (`ready` resolves after it). */
  reloading = false;
  /** Bumped by a recovery, so writes that failed before it do not trigger another one. */
  generation = 0;
  /** Resolves after every append issued so far has settled. */
  lastAppend: Promise<void> = Promise.resolve();
  pendingWrites = 0;
  sockets = 0;
  evictTimer: NodeJS.Timeout | null = null;
  readonly timers = new Map<string, { deadline: number; handle: NodeJS.Timeout }>();

  /** Firebase mode: stops following the browsers' direct writes (store.watch). */
  unwatch: (() => void) | null = null;
  /** Students whose Firebase presence says connected (each counts as one connection). */
  readonly firebaseConnected = new Set<string>();

  teacherDelta: PendingTeacherDelta | null = null;
  publicDirty = false;
  publicTimer: NodeJS.Timeout | null = null;
  lastPublicFlushAt = 0;

  constructor(state: SessionState) {
    this.state = state;
  }

  get id(): string {
    return this.state.id;
  }
}
