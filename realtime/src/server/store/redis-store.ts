import { Redis } from 'ioredis';
import { evolveAll, withoutStudent, type EngineEvent } from '../../engine/index.ts';
import { healthRecordNames, type SessionState } from '../../protocol/index.ts';
import { parseHealthBatch } from '../health/records.ts';
import { createHealthBatches } from './health-batches.ts';
import { NotOwnerError, ownerKey } from './ownership.ts';
import {
  APPEND_EVENTS,
  CREATE_SESSION,
  DELETE_SESSION,
  ERASE_STUDENT,
  LOAD_SESSION,
} from './redis-scripts.ts';
import {
  JoinCodeTakenError,
  SeqConflictError,
  type SessionStore,
  type SessionSummary,
} from './session-store.ts';
import { createSnapshotPacer } from './snapshot-pacing.ts';

export interface RedisStoreOptions {
  url: string;
  /** Prefix of every key, so several deployments can share one Redis. */
  keyPrefix: string;
  snapshotEvery: number;
  /**
   * Several processes: appends carry this process's id and are refused (`NotOwnerError`) unless
   * it holds the session's lease (cluster/session-lease.ts). Unset for a single process.
   */
  fencingProcessId?: string;
}

/** Stored health batches read per LRANGE. */
const HEALTH_BATCHES_PER_PAGE = 16;

interface ScriptedRedis extends Redis {
  cpCreateSession(...args: Array<string | number>): Promise<string>;
  cpAppendEvents(...args: Array<string | number>): Promise<string>;
  cpDeleteSession(...args: Array<string | number>): Promise<number>;
  cpEraseStudent(...args: Array<string | number>): Promise<number>;
  cpLoadSession(...args: string[]): Promise<[string, string, string[]] | null>;
}

/** An erasure raced by appends (or health writes) is made again, this many times at most. */
const ERASE_ATTEMPTS_MAX = 5;

/**
 * The shared store for several realtime processes: the same event log plus snapshots as the
 * SQLite store, in Redis, with every write an atomic script (see redis-scripts.ts). A resolved
 * append is as durable as the Redis server is configured to be: production runs it with
 * `appendonly yes` and `appendfsync always` (the tests do too), so an acknowledged answer has
 * been fsynced. Commands issued in the same turn are pipelined into one round trip.
 */
export async function createRedisStore(options: RedisStoreOptions): Promise<SessionStore> {
  const redis = new Redis(options.url, {
    enableAutoPipelining: true,
    lazyConnect: true,
    // Appends fail fast while Redis is away: the server answers `storage_failed` (retryable)
    // rather than acknowledging an answer it could not store.
    maxRetriesPerRequest: 1,
  }) as ScriptedRedis;
  redis.defineCommand('cpCreateSession', { numberOfKeys: 5, lua: CREATE_SESSION });
  redis.defineCommand('cpAppendEvents', { numberOfKeys: 4, lua: APPEND_EVENTS });
  redis.defineCommand('cpDeleteSession', { numberOfKeys: 3, lua: DELETE_SESSION });
  redis.defineCommand('cpEraseStudent', { numberOfKeys: 3, lua: ERASE_STUDENT });
  redis.defineCommand('cpLoadSession', { numberOfKeys: 2, lua: LOAD_SESSION });
  await redis.connect();

  const p = options.keyPrefix;
  const meta = (id: string) => `${p}s:{${id}}:meta`;
  const log = (id: string) => `${p}s:{${id}}:log`;
  /** Health records (health/records.ts): one JSON array per write, in order. */
  const healthKey = (id: string) => `${p}s:{${id}}:health`;
  const codeKey = (code: string) => `${p}code:${code}`;
  const allKey = `${p}sessions`;
  const teacherKey = (teacherId: string) => `${p}teacher:${teacherId}`;
  const pacer = createSnapshotPacer(options.snapshotEvery);
  const inFlight = new Set<Promise<unknown>>();
  let closed = false;
  /** Health records of this turn per session: one RPUSH each, pipelined with the turn's appends. */
  const health = createHealthBatches((id, records) =>
    // Only onto a session that exists: a late fact must not outlive a deleted session.
    track(
      redis
        .exists(meta(id))
        .then((exists) =>
          exists ? redis.rpush(healthKey(id), JSON.stringify(records)) : undefined,
        ),
    ),
  );

  const track = <T>(promise: Promise<T>): Promise<T> => {
    inFlight.add(promise);
    void promise.then(
      () => inFlight.delete(promise),
      () => inFlight.delete(promise),
    );
    return promise;
  };

  const summary = async (id: string): Promise<SessionSummary | undefined> => {
    const [joinCode, teacherId, title, status, createdAt] = await redis.hmget(
      meta(id),
      'joinCode',
      'teacherId',
      'title',
      'status',
      'createdAt',
    );
    if (!joinCode || !teacherId || typeof title !== 'string' || !createdAt) return undefined;
    return {
      id,
      joinCode,
      teacherId,
      title,
      status: status === 'ended' ? 'ended' : 'live',
      createdAt: Number(createdAt),
    };
  };

  const store: SessionStore = {
    async create(state, events) {
      if (closed) throw new Error('store closed');
      const snapshot = JSON.stringify(state);
      try {
        await track(
          redis.cpCreateSession(
            codeKey(state.joinCode),
            meta(state.id),
            log(state.id),
            allKey,
            teacherKey(state.teacherId),
            state.id,
            state.joinCode,
            state.teacherId,
            state.deck.title,
            state.createdAt,
            snapshot,
            JSON.stringify(events),
          ),
        );
      } catch (error) {
        if (error instanceof Error && error.message.includes('CODETAKEN'))
          throw new JoinCodeTakenError();
        throw error;
      }
      pacer.written(state.id, snapshot);
    },

    async load(sessionId) {
      const loaded = await redis.cpLoadSession(meta(sessionId), log(sessionId));
      if (!loaded) return undefined;
      const [snapshot, , rest] = loaded;
      let state = JSON.parse(snapshot) as SessionState;
      let replayedBytes = 0;
      for (const events of rest) {
        state = evolveAll(state, JSON.parse(events) as EngineEvent[]) ?? state;
        replayedBytes += events.length;
      }
      pacer.loaded(sessionId, snapshot.length, replayedBytes, rest.length);
      return state;
    },

    async findLiveSessionId(joinCode) {
      return (await redis.get(codeKey(joinCode))) ?? undefined;
    },

    append(sessionId, events, state) {
      if (closed) return Promise.reject(new Error('store closed'));
      const eventsJson = JSON.stringify(events);
      const snapshotJson = pacer.due(sessionId, eventsJson) ? JSON.stringify(state) : null;
      if (snapshotJson !== null) pacer.written(sessionId, snapshotJson);
      const ended = events.some((e) => e.type === 'sessionEnded');
      return track(
        redis
          .cpAppendEvents(
            meta(sessionId),
            log(sessionId),
            codeKey(state.joinCode),
            ownerKey(p, sessionId),
            sessionId,
            state.seq,
            eventsJson,
            snapshotJson ?? '',
            ended ? '1' : '0',
            options.fencingProcessId ?? '',
          )
          .then(
            () => undefined,
            (error: unknown) => {
              const message = error instanceof Error ? error.message : String(error);
              if (message.includes('NOTOWNER'))
                throw new NotOwnerError(`session ${sessionId}: this process does not own it`);
              if (message.includes('SEQCONFLICT'))
                throw new SeqConflictError(`session ${sessionId}: ${message}`);
              throw error instanceof Error ? error : new Error(message);
            },
          ),
      );
    },

    recordHealth(sessionId, records) {
      if (!closed) health.add(sessionId, records);
    },

    async *readHealth(sessionId) {
      await health.written();
      // A page of batches at a time, never a session's whole list in one reply.
      for (let from = 0; ; from += HEALTH_BATCHES_PER_PAGE) {
        const batches = await redis.lrange(
          healthKey(sessionId),
          from,
          from + HEALTH_BATCHES_PER_PAGE - 1,
        );
        for (const batch of batches) yield parseHealthBatch(batch);
        if (batches.length < HEALTH_BATCHES_PER_PAGE) return;
      }
    },

    async delete(sessionId) {
      pacer.forget(sessionId);
      await redis.del(healthKey(sessionId));
      const deleted = await track(
        redis.cpDeleteSession(
          meta(sessionId),
          log(sessionId),
          allKey,
          sessionId,
          `${p}code:`,
          `${p}teacher:`,
        ),
      );
      return deleted === 1;
    },

    async eraseStudent(sessionId, studentId) {
      await health.written();
      for (let attempt = 0; ; attempt++) {
        const [state, batches] = await Promise.all([
          store.load(sessionId),
          redis.lrange(healthKey(sessionId), 0, -1),
        ]);
        if (!state) return false;
        const erased = withoutStudent(state, studentId);
        // Batches without the student stay byte for byte; the others lose their records of them.
        const kept: string[] = [];
        for (const batch of batches) {
          const records = parseHealthBatch(batch);
          const others = records.filter((r) => !healthRecordNames(r, studentId));
          if (others.length === records.length) kept.push(batch);
          else if (others.length > 0) kept.push(JSON.stringify(others));
        }
        const snapshotJson = erased ? JSON.stringify(erased) : '';
        try {
          const done = await track(
            redis.cpEraseStudent(
              meta(sessionId),
              log(sessionId),
              healthKey(sessionId),
              state.seq,
              snapshotJson,
              batches.length,
              ...kept,
            ),
          );
          if (done === 0) return false;
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error);
          if (message.includes('SEQCONFLICT') && attempt < ERASE_ATTEMPTS_MAX) continue;
          throw error;
        }
        if (erased) pacer.written(sessionId, snapshotJson);
        // The append-only file still holds the commands that wrote the student until Redis
        // rewrites it: ask for that now (erasures are rare). A server that refuses (a rewrite
        // already running, a managed Redis without the command) rewrites on its own schedule.
        if (erased) void redis.bgrewriteaof().catch(() => undefined);
        return erased !== undefined;
      }
    },

    async list(teacherId) {
      const ids = await redis.zrange(
        teacherId === undefined ? allKey : teacherKey(teacherId),
        0,
        -1,
      );
      const summaries = await Promise.all(ids.map(summary));
      return summaries.filter((s): s is SessionSummary => s !== undefined);
    },

    async close() {
      if (closed) return;
      health.flush();
      closed = true;
      await Promise.allSettled([...inFlight]);
      await redis.quit();
    },
  };
  return store;
}
