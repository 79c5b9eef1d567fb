/**
 * A synthetic probe (probes/) on the socket tier: a signed probe token connects without joining
 * any session, may ping (the protocol round trip probes time), and nothing else.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { SESSION_EVENTS } from '../src/server/session-ops.ts';
import { createTokenService } from '../src/server/index.ts';
import {
  TEST_SECRET,
  connectWithToken,
  scrape,
  startServer,
  type Harness,
} from './support/server-harness.ts';

describe('a probe on the socket tier', () => {
  let h: Harness;
  const tokens = createTokenService({
    secret: TEST_SECRET,
    teacherTtlSeconds: 60,
    studentTtlSeconds: 60,
  });
  before(async () => {
    h = await startServer();
  });
  after(() => h.close());

  const open = (token: string, transport: 'websocket' | 'polling' = 'websocket') =>
    connectWithToken(h, token, transport);

  it('connects with a probe token, pings, and is counted as a probe', async () => {
    const socket = await open(await tokens.signProbe('europe-west1'));
    const sentAt = Date.now();
    const reply = (await socket.emitWithAck('ping', { sentAt })) as {
      ok: boolean;
      sentAt: number;
      serverTime: number;
    };
    assert.equal(reply.ok, true);
    assert.equal(reply.sentAt, sentAt);
    const metrics = (await scrape(h)).text;
    assert.match(metrics, /realtime_connected_sockets\{role="probe"\} 1/);
    socket.disconnect();
  });

  it('connects and pings over HTTP long-polling too (the fallback where WebSockets are blocked)', async () => {
    const socket = await open(await tokens.signProbe('network-check'), 'polling');
    assert.equal(socket.io.engine.transport.name, 'polling');
    const reply = (await socket.emitWithAck('ping', { sentAt: 1 })) as { ok: boolean };
    assert.equal(reply.ok, true);
    socket.disconnect();
  });

  it('may do nothing but ping: every session event is forbidden', async () => {
    const socket = await open(await tokens.signProbe('us-east1'));
    for (const event of SESSION_EVENTS) {
      const reply = (await socket.emitWithAck(event, {})) as { ok: boolean; code?: string };
      assert.deepEqual([reply.ok, reply.code], [false, 'forbidden'], event);
    }
    socket.disconnect();
  });

  it('is refused with a probe token signed by anyone else', async () => {
    const forged = createTokenService({
      secret: 'another-secret-'.padEnd(48, 'y'),
      teacherTtlSeconds: 60,
      studentTtlSeconds: 60,
    });
    await assert.rejects(
      open(await forged.signProbe('europe-west1')),
      (error: Error & { data?: { code?: string } }) => error.data?.code === 'unauthorized',
    );
  });
});
