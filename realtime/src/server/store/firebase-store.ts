import type { DataSnapshot, Database } from 'firebase-admin/database';
import type { EngineEvent } from '../../engine/index.ts';
import {
  paths,
  sessionNode,
  stateFromNode,
  storedResponseFrom,
  studentErasureUpdates,
  summaryNode,
  updatesFor,
  type SessionSummaryNode,
} from '../../firebase/layout.ts';
import { deliveryFrom } from '../../firebase/response-node.ts';
import type { SessionState } from '../../protocol/index.ts';
import { parseHealthBatch, type HealthRecord } from '../health/records.ts';
import { createHealthBatches } from './health-batches.ts';
import {
  JoinCodeTakenError,
  SeqConflictError,
  type ExternalChanges,
  type SessionStore,
  type SessionSummary,
} from './session-store.ts';

export interface FirebaseStoreOptions {
  /** firebase-admin's database (rules do not apply to it). */
  database: Database;
  /** Releases what the caller opened for this store (e.g. deletes the admin app). */
  onClose?: () => Promise<void>;
}

/**
 * Sessions in the Firebase Realtime Database, in the layout of firebase/README.md, so browsers
 * on the Firebase transport and sockets on this tier share one session.
 *
 * Appends of one session run in order. Each first claims its position with a transaction on
 * `meta/seq` (another writer, such as a second process or the web app, makes it fail with
 * `SeqConflictError` instead of interleaving), then writes everything the events changed in one
 * multi-path update, which the database applies atomically. A resolved append is acknowledged
 * by the database: durable.
 */
export function createFirebaseStore(options: FirebaseStoreOptions): SessionStore {
  const { database } = options;
  const chains = new Map<string, Promise<unknown>>();
  /** The last seq this process wrote or read per session; read again after a conflict. */
  const knownSeq = new Map<string, number>();
  let closed: Promise<void> | null = null;
  /** Health records of this turn per session, pushed as one JSON string each. */
  const health = createHealthBatches((sessionId, records) =>
    // Ordered with the session's appends; never onto a session that is gone.
    inOrder(sessionId, async () => {
      if ((await storedSeq(sessionId)) === undefined) return;
      await database.ref(paths.health(sessionId)).push(JSON.stringify(records));
    }),
  );

  /** Runs `task` after the session's earlier appends; a failure does not stop later ones. */
  function inOrder<T>(sessionId: string, task: () => Promise<T>): Promise<T> {
    const previous = chains.get(sessionId) ?? Promise.resolve();
    const next = previous.then(task, task);
    const settled = next.then(
      () => undefined,
      () => undefined,
    );
    chains.set(sessionId, settled);
    void settled.then(() => {
      if (chains.get(sessionId) === settled) chains.delete(sessionId);
    });
    return next;
  }

  async function storedSeq(sessionId: string): Promise<number | undefined> {
    const known = knownSeq.get(sessionId);
    if (known !== undefined) return known;
    const seq = (await database.ref(`${paths.session(sessionId)}/meta/seq`).get()).val() as unknown;
    return typeof seq === 'number' ? seq : undefined;
  }

  /** Moves `meta/seq` from `from` to `to`, or fails when another writer got there first. */
  async function claimSeq(sessionId: string, from: number, to: number): Promise<void> {
    // A transaction first runs on the local cache, often empty: returning null there is a no-op
    // probe the server answers with the real value, where aborting would fail for nothing.
    const result = await database
      .ref(`${paths.session(sessionId)}/meta/seq`)
      .transaction(
        (current: unknown) => (current === null ? null : current === from ? to : undefined),
        undefined,
        false,
      );
    if (!result.committed || result.snapshot.val() !== to) {
      knownSeq.delete(sessionId);
      throw new SeqConflictError(`session ${sessionId} moved past seq ${from} elsewhere`);
    }
  }

  /** The session a join code points at, and whether that session is live. */
  async function codeHolder(
    joinCode: string,
  ): Promise<{ sessionId: string; live: boolean } | undefined> {
    const mapping = (await database.ref(paths.joinCode(joinCode)).get()).val() as {
      sessionId?: unknown;
    } | null;
    const sessionId = typeof mapping?.sessionId === 'string' ? mapping.sessionId : undefined;
    if (!sessionId) return undefined;
    const status = (
      await database.ref(`${paths.session(sessionId)}/meta/status`).get()
    ).val() as unknown;
    return { sessionId, live: status === 'live' };
  }

  async function liveSessionOf(joinCode: string): Promise<string | undefined> {
    const holder = await codeHolder(joinCode);
    return holder?.live ? holder.sessionId : undefined;
  }

  return {
    async create(state: SessionState, _events: readonly EngineEvent[]): Promise<void> {
      const node = structuredClone(sessionNode(state));
      const summary = summaryNode(state);
      const codeRef = database.ref(paths.joinCode(state.joinCode));
      // The code may still point at a session that ended without releasing it (a crash between
      // writes): only a live session holds a code, so that one may be replaced.
      const holder = await codeHolder(state.joinCode);
      if (holder?.live && holder.sessionId !== state.id) throw new JoinCodeTakenError();
      const claimed = await codeRef.transaction(
        (current: { sessionId?: string } | null) =>
          current === null ||
          current.sessionId === state.id ||
          current.sessionId === holder?.sessionId
            ? { sessionId: state.id }
            : undefined,
        undefined,
        false,
      );
      if (!claimed.committed) throw new JoinCodeTakenError();
      await database.ref().update({
        [paths.session(state.id)]: node,
        [paths.teacherSession(state.teacherId, state.id)]: summary,
      });
      knownSeq.set(state.id, state.seq);
    },

    async load(sessionId: string): Promise<SessionState | undefined> {
      await chains.get(sessionId);
      const state = stateFromNode((await database.ref(paths.session(sessionId)).get()).val());
      if (state) knownSeq.set(sessionId, state.seq);
      return state;
    },

    findLiveSessionId: liveSessionOf,

    append(sessionId: string, events: readonly EngineEvent[], state: SessionState): Promise<void> {
      // Serialized now: the caller keeps changing `state` after this returns.
      const updates = structuredClone(updatesFor(state, events));
      const seq = state.seq;
      return inOrder(sessionId, async () => {
        const previous = await storedSeq(sessionId);
        if (previous === undefined) throw new SeqConflictError(`no session ${sessionId}`);
        if (seq !== previous + 1)
          throw new SeqConflictError(`append of seq ${seq} after ${previous}`);
        await claimSeq(sessionId, previous, seq);
        knownSeq.set(sessionId, seq);
        await database.ref().update(updates);
      });
    },

    async delete(sessionId: string): Promise<boolean> {
      await chains.get(sessionId);
      const meta = (await database.ref(`${paths.session(sessionId)}/meta`).get()).val() as {
        joinCode?: string;
        teacherId?: string;
      } | null;
      if (!meta) return false;
      const updates: Record<string, null> = {
        [paths.session(sessionId)]: null,
        [paths.health(sessionId)]: null,
      };
      if (meta.teacherId) updates[paths.teacherSession(meta.teacherId, sessionId)] = null;
      if (meta.joinCode && (await liveSessionOf(meta.joinCode)) === sessionId)
        updates[paths.joinCode(meta.joinCode)] = null;
      await database.ref().update(updates);
      knownSeq.delete(sessionId);
      return true;
    },

    async eraseStudent(sessionId: string, studentId: string): Promise<boolean> {
      await health.written();
      // After the session's pending writes, and before any that follow: one atomic update.
      return inOrder(sessionId, async () => {
        const [node, records] = await Promise.all([
          database.ref(paths.session(sessionId)).get(),
          database.ref(paths.health(sessionId)).get(),
        ]);
        const erasure = studentErasureUpdates(sessionId, node.val(), records.val(), studentId);
        if (!erasure) return false;
        if (Object.keys(erasure.updates).length > 0) await database.ref().update(erasure.updates);
        return erasure.erased;
      });
    },

    async list(teacherId?: string): Promise<SessionSummary[]> {
      const byTeacher: Record<string, Record<string, SessionSummaryNode>> = teacherId
        ? {
            [teacherId]:
              ((await database.ref(paths.teacherSessions(teacherId)).get()).val() as Record<
                string,
                SessionSummaryNode
              > | null) ?? {},
          }
        : (((await database.ref('teacherSessions').get()).val() as Record<
            string,
            Record<string, SessionSummaryNode>
          > | null) ?? {});
      const sessions: SessionSummary[] = [];
      for (const [teacher, summaries] of Object.entries(byTeacher)) {
        for (const [id, s] of Object.entries(summaries)) {
          sessions.push({ id, teacherId: teacher, ...s });
        }
      }
      return sessions.sort((a, b) => b.createdAt - a.createdAt);
    },

    watch(sessionId: string, changes: ExternalChanges): () => void {
      const base = database.ref(paths.session(sessionId));
      const responses = base.child('responses');
      const presence = base.child('presence');
      // A slide's node holds every student's response to it; the registry skips the ones it
      // already has (same answerId), so passing them all keeps this simple and correct.
      const onSlide = (snap: DataSnapshot) => {
        const slideId = snap.key;
        if (!slideId) return;
        snap.forEach((child) => {
          const node = child.val() as unknown;
          const response = child.key ? storedResponseFrom(node) : undefined;
          if (child.key && response)
            changes.response(slideId, child.key, response, deliveryFrom(node));
        });
      };
      const onPresence = (snap: DataSnapshot) => {
        const value = snap.val() as {
          status?: unknown;
          lastSeenAt?: unknown;
          rttMs?: unknown;
        } | null;
        if (!snap.key) return;
        changes.presence(
          snap.key,
          value && (value.status === 'connected' || value.status === 'gone')
            ? {
                status: value.status,
                lastSeenAt: typeof value.lastSeenAt === 'number' ? value.lastSeenAt : 0,
                ...(typeof value.rttMs === 'number' ? { rttMs: value.rttMs } : {}),
              }
            : null,
        );
      };
      responses.on('child_added', onSlide);
      responses.on('child_changed', onSlide);
      presence.on('child_added', onPresence);
      presence.on('child_changed', onPresence);
      presence.on('child_removed', (snap) => changes.presence(snap.key ?? '', null));
      return () => {
        responses.off();
        presence.off();
      };
    },

    recordHealth(sessionId: string, records: readonly HealthRecord[]): void {
      if (!closed) health.add(sessionId, records);
    },

    async *readHealth(sessionId: string): AsyncGenerator<unknown[]> {
      await health.written();
      const value = (await database.ref(paths.health(sessionId)).get()).val() as Record<
        string,
        unknown
      > | null;
      // Push keys sort in the order they were written.
      for (const key of Object.keys(value ?? {}).sort()) {
        const batch = value?.[key];
        yield typeof batch === 'string' ? parseHealthBatch(batch) : [undefined];
      }
    },

    close(): Promise<void> {
      health.flush();
      closed ??= (async () => {
        await Promise.all([...chains.values()]);
        await options.onClose?.();
      })();
      return closed;
    },
  };
}
