import { startRedisServer as start, type RedisServer } from '../../src/testing/redis-server.ts';

export type { RedisServer };

/** A real Redis for these tests: REDIS_SERVER_PATH, else Debian's. */
export const startRedisServer = (): Promise<RedisServer> => start(process.env.REDIS_SERVER_PATH);
