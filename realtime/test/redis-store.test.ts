import { after, before } from 'node:test';
import { Redis } from 'ioredis';
import { createRedisStore, type SessionStore } from '../src/server/index.ts';
import { startRedisServer, type RedisServer } from './support/redis-server.ts';
import { sessionStoreContract } from './support/store-contract.ts';
import { studentErasureContract } from './support/store-erasure-contract.ts';

let redis: RedisServer;
before(async () => {
  redis = await startRedisServer();
});
const opened: SessionStore[] = [];
after(async () => {
  // close() is idempotent: stores the contract already closed are skipped.
  await Promise.all(opened.map((store) => store.close()));
  await redis.stop();
});

let runs = 0;
sessionStoreContract('redis', async () => {
  // Each case gets its own key space in the one server.
  const options = { url: redis.url, keyPrefix: `t${++runs}:`, snapshotEvery: 7 };
  const open = async () => {
    const store = await createRedisStore(options);
    opened.push(store);
    return store;
  };
  return { store: await open(), reopen: open, cleanup: async () => undefined };
});

studentErasureContract('redis', async () => {
  const options = { url: redis.url, keyPrefix: `e${++runs}:`, snapshotEvery: 7 };
  const open = async () => {
    const store = await createRedisStore(options);
    opened.push(store);
    return store;
  };
  return {
    store: await open(),
    reopen: open,
    // Every key of the case's key space with its value, read with a client of our own.
    raw: async () => {
      const client = new Redis(redis.url);
      const dump: unknown[] = [];
      for (const key of await client.keys(`${options.keyPrefix}*`)) {
        const type = await client.type(key);
        const value =
          type === 'hash'
            ? await client.hgetall(key)
            : type === 'list'
              ? await client.lrange(key, 0, -1)
              : type === 'zset'
                ? await client.zrange(key, 0, -1)
                : await client.get(key);
        dump.push(key, value);
      }
      await client.quit();
      return JSON.stringify(dump);
    },
    cleanup: async () => undefined,
  };
});
