import { after, before } from 'node:test';
import { createRedisStore, type SessionStore } from '../src/server/index.ts';
import { startRedisServer, type RedisServer } from './support/redis-server.ts';
import { sessionStoreContract } from './support/store-contract.ts';

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
