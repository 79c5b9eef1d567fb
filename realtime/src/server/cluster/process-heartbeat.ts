import type { Redis } from 'ioredis';

/**
 * Whether a realtime process is still running: each process keeps `<prefix>proc:<id>` alive with
 * an expiry, so a process killed without a goodbye disappears after `ttlMs`. Owners use it to
 * drop the connections a dead peer had announced (cluster-ops.ts).
 */
export interface ProcessHeartbeat {
  isAlive(processId: string): Promise<boolean>;
  close(): Promise<void>;
}

export function createProcessHeartbeat(options: {
  redis: Redis;
  keyPrefix: string;
  processId: string;
  ttlMs: number;
}): ProcessHeartbeat {
  const key = (processId: string) => `${options.keyPrefix}proc:${processId}`;
  const beat = () =>
    options.redis.set(key(options.processId), '1', 'PX', options.ttlMs).catch(() => undefined); // Redis away: peers will treat us as gone, which is the truth
  void beat();
  const timer = setInterval(() => void beat(), Math.max(50, options.ttlMs / 3));
  timer.unref();
  return {
    async isAlive(processId) {
      return (await options.redis.exists(key(processId))) === 1;
    },
    async close() {
      clearInterval(timer);
      await options.redis.del(key(options.processId)).catch(() => undefined);
    },
  };
}
