import { startRedisServer, type RedisServer } from '@classpulse/realtime/testing';

/** A real Redis for tests (REDIS_SERVER_PATH, else Debian's), configured as production. */
export type TestRedis = RedisServer;

export const startRedis = (): Promise<TestRedis> => startRedisServer(process.env.REDIS_SERVER_PATH);
