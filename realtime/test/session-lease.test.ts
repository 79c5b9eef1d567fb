import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Redis } from 'ioredis';
import { apply } from '../src/engine/index.ts';
import { deckSchema } from '../src/protocol/index.ts';
import {
  createRedisStore,
  createSessionLeases,
  NotOwnerError,
  type SessionLeases,
  type SessionStore,
} from '../src/server/index.ts';
import { EVERY_KIND_DECK } from './support/classroom.ts';
import { startRedisServer, type RedisServer } from './support/redis-server.ts';

let server: RedisServer;
const closers: Array<() => Promise<unknown>> = [];
before(async () => {
  server = await startRedisServer();
});
after(async () => {
  for (const close of closers.reverse()) await close().catch(() => undefined);
  await server.stop();
});

let prefixes = 0;
function connection(): Redis {
  const redis = new Redis(server.url, { maxRetriesPerRequest: 1 });
  redis.on('error', () => undefined); // a test disconnects one on purpose
  closers.push(async () => redis.disconnect());
  return redis;
}

function leases(
  keyPrefix: string,
  processId: string,
  onLost?: (sessionId: string) => void,
  redis = connection(),
): SessionLeases {
  const created = createSessionLeases({ redis, keyPrefix, processId, leaseMs: 300, onLost });
  closers.push(() => created.close());
  return created;
}

async function eventually(check: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  assert.fail('condition not reached within 5 s');
}

describe('session leases on a real redis-server', () => {
  it('one process owns a session; renewals keep it past the lease time', async () => {
    const prefix = `l${++prefixes}:`;
    const a = leases(prefix, 'process-a');
    const b = leases(prefix, 'process-b');
    assert.equal(await a.acquire('s1'), true);
    assert.equal(await b.acquire('s1'), false);
    assert.equal(await a.acquire('s1'), true, 'acquiring again is a renewal');
    await new Promise((r) => setTimeout(r, 700)); // more than two lease times
    assert.equal(await b.ownerOf('s1'), 'process-a');
    assert.equal(await b.acquire('s1'), false);
  });

  it('a released lease moves at once; a crashed owner loses it when it expires', async () => {
    const prefix = `l${++prefixes}:`;
    const a = leases(prefix, 'process-a');
    const b = leases(prefix, 'process-b');
    assert.equal(await a.acquire('s1'), true);
    await a.release('s1');
    assert.equal(await b.acquire('s1'), true);

    const crashing = connection();
    const c = leases(prefix, 'process-c', undefined, crashing);
    assert.equal(await c.acquire('s2'), true);
    crashing.disconnect(); // c can no longer renew, as if the process died
    await eventually(() => b.acquire('s2'));
    assert.equal(await b.ownerOf('s2'), 'process-b');
  });

  it('an owner whose lease was taken finds out on its next renewal', async () => {
    const prefix = `l${++prefixes}:`;
    const lost: string[] = [];
    const a = leases(prefix, 'process-a', (id) => lost.push(id));
    const b = leases(prefix, 'process-b');
    assert.equal(await a.acquire('s1'), true);
    await connection().del(`${prefix}s:{s1}:owner`); // expired, as far as Redis knows
    assert.equal(await b.acquire('s1'), true);
    await a.renewAll();
    assert.deepEqual(lost, ['s1']);
    assert.equal(a.held().has('s1'), false);
  });

  it('the store fences appends: only the lease holder can write the log', async () => {
    const prefix = `l${++prefixes}:`;
    const a = leases(prefix, 'process-a');
    const b = leases(prefix, 'process-b');
    const open = async (processId: string): Promise<SessionStore> => {
      const store = await createRedisStore({
        url: server.url,
        keyPrefix: prefix,
        snapshotEvery: 200,
        fencingProcessId: processId,
      });
      closers.push(() => store.close());
      return store;
    };
    const storeA = await open('process-a');
    const storeB = await open('process-b');
    const created = apply(
      null,
      {
        actor: { role: 'teacher', teacherId: 't1' },
        command: {
          type: 'createSession',
          sessionId: 'fenced',
          joinCode: 'FENCED',
          deck: deckSchema.parse(EVERY_KIND_DECK),
          settings: { pacing: 'instructor', latePolicy: 'allow' },
        },
      },
      1_000,
    );
    assert.ok(created.ok);
    assert.equal(await a.acquire('fenced'), true);
    await storeA.create(created.state, created.events);
    const join = (studentId: string) => {
      const state = structuredClone(created.state);
      const r = apply(
        state,
        { actor: { role: 'student', studentId }, command: { type: 'join', name: studentId } },
        2_000,
      );
      assert.ok(r.ok);
      return r;
    };
    const first = join('s-a');
    await storeA.append('fenced', first.events, first.state);
    const refused = join('s-b');
    await assert.rejects(storeB.append('fenced', refused.events, refused.state), NotOwnerError);

    // Ownership moves to B; A, still running, can no longer write.
    await a.release('fenced');
    assert.equal(await b.acquire('fenced'), true);
    const stale = join('s-stale');
    stale.state.seq = 3;
    await assert.rejects(storeA.append('fenced', stale.events, stale.state), NotOwnerError);
    const loaded = await storeB.load('fenced');
    assert.equal(loaded?.seq, 2);
    assert.deepEqual(Object.keys(loaded?.students ?? {}), ['s-a']);
  });
});
