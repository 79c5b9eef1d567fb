import type { Redis } from 'ioredis';
import { ownerKey } from '../store/ownership.ts';

/**
 * Which realtime process owns a session, when several share one Redis: a lease per session
 * (`SET NX PX`), renewed by its owner and lost when the owner stops renewing (a crash, a
 * partition). The owner's id is also the fencing token the Redis store checks on every append,
 * so a process that lost its lease can no longer write to the session's log.
 *
 * Key: store/ownership.ts's `ownerKey` (same hash slot as the session's log and meta).
 */
export interface SessionLeaseOptions {
  redis: Redis;
  keyPrefix: string;
  /** This process; unique per process start. */
  processId: string;
  /** How long a lease lasts without renewal; renewed every third of it. */
  leaseMs: number;
  /** A lease this process held was found lost (expired and taken, or deleted). */
  onLost?: (sessionId: string) => void;
}

export interface SessionLeases {
  /** True when this process holds (or just took) the session's lease. */
  acquire(sessionId: string): Promise<boolean>;
  /** The process holding the lease, or null when nobody does. */
  ownerOf(sessionId: string): Promise<string | null>;
  release(sessionId: string): Promise<void>;
  /** Renews every held lease once (also runs on a timer). */
  renewAll(): Promise<void>;
  held(): ReadonlySet<string>;
  /** Stops renewing and releases every lease. */
  close(): Promise<void>;
}

// KEYS[1] owner key. ARGV: processId, leaseMs.
const ACQUIRE = `
if redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then return 1 end
if redis.call('GET', KEYS[1]) == ARGV[1] then redis.call('PEXPIRE', KEYS[1], ARGV[2]) return 1 end
return 0
`;
const RENEW = `
if redis.call('GET', KEYS[1]) == ARGV[1] then redis.call('PEXPIRE', KEYS[1], ARGV[2]) return 1 end
return 0
`;
const RELEASE = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
`;

interface LeaseRedis extends Redis {
  cpLeaseAcquire(key: string, processId: string, leaseMs: number): Promise<number>;
  cpLeaseRenew(key: string, processId: string, leaseMs: number): Promise<number>;
  cpLeaseRelease(key: string, processId: string): Promise<number>;
}

export function createSessionLeases(options: SessionLeaseOptions): SessionLeases {
  const redis = options.redis as LeaseRedis;
  redis.defineCommand('cpLeaseAcquire', { numberOfKeys: 1, lua: ACQUIRE });
  redis.defineCommand('cpLeaseRenew', { numberOfKeys: 1, lua: RENEW });
  redis.defineCommand('cpLeaseRelease', { numberOfKeys: 1, lua: RELEASE });
  const key = (sessionId: string) => ownerKey(options.keyPrefix, sessionId);
  const held = new Set<string>();

  const lost = (sessionId: string) => {
    if (held.delete(sessionId)) options.onLost?.(sessionId);
  };

  const release = async (sessionId: string) => {
    held.delete(sessionId);
    await redis.cpLeaseRelease(key(sessionId), options.processId);
  };

  const renewAll = async () => {
    await Promise.all(
      [...held].map(async (sessionId) => {
        const renewed = await redis
          .cpLeaseRenew(key(sessionId), options.processId, options.leaseMs)
          .catch(() => null); // Redis away: keep trying until the lease would have expired
        if (renewed === 0) lost(sessionId);
      }),
    );
  };
  const timer = setInterval(() => void renewAll(), Math.max(50, options.leaseMs / 3));
  timer.unref();

  return {
    async acquire(sessionId) {
      const ok =
        (await redis.cpLeaseAcquire(key(sessionId), options.processId, options.leaseMs)) === 1;
      if (ok) held.add(sessionId);
      else lost(sessionId);
      return ok;
    },
    async ownerOf(sessionId) {
      return redis.get(key(sessionId));
    },
    release,
    renewAll,
    held: () => held,
    async close() {
      clearInterval(timer);
      await Promise.all([...held].map(release));
    },
  };
}
