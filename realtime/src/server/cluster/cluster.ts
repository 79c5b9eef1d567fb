import { randomUUID } from 'node:crypto';
import { createAdapter } from '@socket.io/redis-adapter';
import { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { LocalSessionOps } from '../local-session-ops.ts';
import type { Ownership } from '../session-cache.ts';
import type { SessionRegistry } from '../session-registry.ts';
import { createRedisStore } from '../store/redis-store.ts';
import type { SessionStore } from '../store/session-store.ts';
import { createClusterOps, type ClusterOps, type ClusterOpsDeps } from './cluster-ops.ts';
import { createProcessHeartbeat } from './process-heartbeat.ts';
import { createProcessRpc } from './process-rpc.ts';
import { createSessionLeases } from './session-lease.ts';

export interface ClusterOptions {
  redisUrl: string;
  keyPrefix: string;
  leaseMs: number;
  rpcTimeoutMs: number;
  snapshotEvery: number;
  logger: Logger;
}

/** Everything one realtime process needs to run as one of several behind one Redis. */
export interface Cluster {
  processId: string;
  /** The shared, fenced session store. */
  store: SessionStore;
  /** For the registry: a session may be held only while its lease is. */
  ownership: Ownership;
  /** The socket.io adapter that carries room broadcasts to every process. */
  adapter: ReturnType<typeof createAdapter>;
  /** Starts serving and routing once the server's parts exist. */
  connect(
    io: ClusterOpsDeps['io'],
    registry: SessionRegistry,
    local: LocalSessionOps,
    resync: ClusterOpsDeps['resync'],
  ): ClusterOps;
  /** After the registry let go of its sessions: releases leases, then closes connections. */
  close(): Promise<void>;
}

export async function startCluster(options: ClusterOptions): Promise<Cluster> {
  const processId = randomUUID();
  const { redisUrl, keyPrefix, leaseMs, logger } = options;
  const connect = async () => {
    const redis = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 });
    await redis.connect();
    return redis;
  };
  const [control, adapterPub, adapterSub] = await Promise.all([connect(), connect(), connect()]);
  const store = await createRedisStore({
    url: redisUrl,
    keyPrefix,
    snapshotEvery: options.snapshotEvery,
    fencingProcessId: processId,
  });
  const rpc = await createProcessRpc({ url: redisUrl, keyPrefix, processId });
  const heartbeat = createProcessHeartbeat({
    redis: control,
    keyPrefix,
    processId,
    ttlMs: leaseMs,
  });

  let registry: SessionRegistry | null = null;
  let ops: ClusterOps | null = null;
  const leases = createSessionLeases({
    redis: control,
    keyPrefix,
    processId,
    leaseMs,
    onLost: (sessionId) => {
      logger.warn({ sessionId }, 'the lease of a session was lost; another process owns it now');
      registry?.letGo(sessionId);
    },
  });

  return {
    processId,
    store,
    ownership: {
      async claim(sessionId) {
        const had = leases.held().has(sessionId);
        const ok = await leases.acquire(sessionId);
        if (ok && !had) ops?.owned(sessionId);
        return ok;
      },
      released(sessionId) {
        ops?.released(sessionId);
        leases.release(sessionId).catch((error: unknown) => {
          // It expires by itself; until then peers wait for it.
          logger.warn({ err: error, sessionId }, 'releasing a session lease failed');
        });
      },
    },
    adapter: createAdapter(adapterPub, adapterSub, { key: `${keyPrefix}socket.io` }),
    connect(io, nextRegistry, local, resync) {
      registry = nextRegistry;
      ops = createClusterOps({
        local,
        leases,
        rpc,
        heartbeat,
        io,
        logger,
        leaseMs,
        rpcTimeoutMs: options.rpcTimeoutMs,
        resync,
      });
      return ops;
    },
    async close() {
      ops?.stop();
      await leases.close();
      await heartbeat.close();
      await rpc.close();
      await store.close();
      await Promise.allSettled([control.quit(), adapterPub.quit(), adapterSub.quit()]);
    },
  };
}
