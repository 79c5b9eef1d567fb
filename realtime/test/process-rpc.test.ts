import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  createProcessRpc,
  RpcRemoteError,
  RpcTimeoutError,
  type ProcessRpc,
} from '../src/server/index.ts';
import { startRedisServer, type RedisServer } from './support/redis-server.ts';

let server: RedisServer;
const opened: ProcessRpc[] = [];
before(async () => {
  server = await startRedisServer();
});
after(async () => {
  await Promise.all(opened.map((rpc) => rpc.close()));
  await server.stop();
});

async function rpc(processId: string): Promise<ProcessRpc> {
  const created = await createProcessRpc({ url: server.url, keyPrefix: 'rpc-test:', processId });
  opened.push(created);
  return created;
}

describe('requests between processes over a real redis-server', () => {
  it('a request reaches its target and the reply comes back, for many at once', async () => {
    const a = await rpc('a');
    const b = await rpc('b');
    b.serve(async (payload, from) => ({ echoed: payload, from, by: 'b' }));
    const replies = await Promise.all(
      Array.from({ length: 200 }, (_, i) => a.request('b', { n: i }, 5_000)),
    );
    replies.forEach((reply, i) =>
      assert.deepEqual(reply, { echoed: { n: i }, from: 'a', by: 'b' }),
    );
  });

  it("the target's failure comes back as an error with its message", async () => {
    const a = await rpc('a2');
    const b = await rpc('b2');
    b.serve(() => Promise.reject(new Error('session not owned here')));
    await assert.rejects(a.request('b2', {}, 5_000), (error: unknown) => {
      assert.ok(error instanceof RpcRemoteError);
      assert.equal(error.message, 'session not owned here');
      return true;
    });
  });

  it('a request to a process that is gone times out', async () => {
    const a = await rpc('a3');
    await assert.rejects(a.request('nobody', {}, 200), RpcTimeoutError);
  });

  it('foreign messages on the channel are ignored', async () => {
    const a = await rpc('a4');
    const b = await rpc('b4');
    b.serve(async (n) => n);
    const { Redis } = await import('ioredis');
    const raw = new Redis(server.url);
    // Not JSON, and JSON of the wrong shape, straight onto b4's and a4's channels.
    await raw.publish('rpc-test:rpc:b4', 'not json');
    await raw.publish('rpc-test:rpc:b4', JSON.stringify({ t: 'req', id: 7 }));
    await raw.publish('rpc-test:rpc:a4', JSON.stringify({ t: 'ok', id: 'unknown', result: 1 }));
    assert.deepEqual(
      await Promise.all([a.request('b4', 1, 5_000), a.request('b4', 2, 5_000)]),
      [1, 2],
    );
    raw.disconnect();
  });
});
