/**
 * Connections a hostile client opens, against the real server: one student token opening many
 * sockets keeps only the newest few (the oldest are told why and closed, each counted); a client
 * that never finishes its HTTP headers is cut off; connections over the process's cap are dropped
 * and counted, and the server serves again once they close.
 */
import assert from 'node:assert/strict';
import { connect as tcpConnect, type Socket as TcpSocket } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { PROTOCOL_VERSION, type ProtocolError } from '../src/protocol/index.ts';
import {
  connect,
  connectTeacher,
  createSession,
  http,
  joinStudent,
  metricValue,
  nextEvent,
  scrape,
  startServer,
  type ClientSocket,
  type Harness,
} from './support/server-harness.ts';

const DECK = {
  title: 'Hostile',
  slides: [{ id: 'q1', question: { kind: 'short-text' as const, prompt: 'One?' } }],
};

const rejected = async (h: Harness, reason: string) =>
  metricValue((await scrape(h)).text, 'realtime_rejected_messages_total', {
    reason,
  }) ?? 0;

describe('hostile connections', () => {
  let h: Harness;
  before(async () => {
    h = await startServer({ socketsPerStudent: 3, headersTimeoutMs: 1_000, maxConnections: 60 });
  });
  after(async () => {
    await h?.close();
  });

  it('serves /metrics on the internal port only, never where students connect', async () => {
    assert.equal((await fetch(`${h.url}/metrics`)).status, 404);
    assert.equal((await scrape(h)).status, 200);
    assert.equal((await fetch(`${h.server.internalUrl}/healthz`)).status, 200);
  });

  it('one student token keeps only its newest three sockets', async () => {
    const session = await createSession(h, DECK);
    const student = await joinStudent(h, session.joinCode, 'Ada');
    const closedOldest = nextEvent<ProtocolError>(student.socket, 'session:closed');
    const sockets: ClientSocket[] = [];
    for (let i = 0; i < 5; i++) {
      const outcome = await connect(h, { v: PROTOCOL_VERSION, token: student.token });
      assert.ok(outcome.ok, 'the newest always connects');
      sockets.push(outcome.socket);
    }
    assert.equal((await closedOldest).code, 'too_many_connections');
    await sleep(200);
    const open = [student.socket, ...sockets].filter((s) => s.connected);
    assert.equal(open.length, 3);
    assert.deepEqual(open, sockets.slice(-3), 'the newest three stay');
    assert.ok((await rejected(h, 'too_many_connections')) >= 3);
  });

  it('cuts off a client that never finishes its HTTP headers', async () => {
    const started = Date.now();
    const answer = await new Promise<string>((resolve) => {
      const socket = tcpConnect(Number(new URL(h.url).port), '127.0.0.1');
      let text = '';
      socket.on('data', (d: Buffer) => (text += d.toString('latin1')));
      socket.on('error', () => undefined);
      socket.on('close', () => resolve(text));
      socket.write('GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n');
      setTimeout(() => socket.destroy(), 20_000).unref();
    });
    assert.match(answer, /^HTTP\/1\.1 408 /);
    assert.ok(Date.now() - started < 15_000);
  });

  it('drops connections over the cap, and serves again once they close', async () => {
    const sockets: TcpSocket[] = [];
    for (let i = 0; i < 80; i++) {
      const socket = tcpConnect(Number(new URL(h.url).port), '127.0.0.1');
      socket.on('error', () => undefined);
      sockets.push(socket);
    }
    await sleep(500);
    for (const socket of sockets) socket.destroy();
    await sleep(300);
    assert.equal((await http(h, 'GET', '/healthz')).status, 200);
    assert.ok((await rejected(h, 'too_many_connections')) >= 4, 'the dropped ones are counted');
  });
});

describe('a join flood', () => {
  let h: Harness;
  before(async () => {
    // The default bursts, refilled slowly enough that the check after the flood is not a race.
    h = await startServer({
      joinLimits: {
        perSourcePerSecond: 0.01,
        perSourceBurst: 120,
        perCodePerSecond: 0.01,
        perCodeBurst: 300,
      },
    });
  });
  after(async () => {
    await h?.close();
  });

  const joinOverHttp = (code: string, name: string) =>
    http(h, 'POST', '/v1/join', { body: { v: PROTOCOL_VERSION, join: { code, name } } });

  it('lets a class of 30 join from one address, and stops a script filling the session', async () => {
    const session = await createSession(h, DECK, {
      settings: { pacing: 'instructor', latePolicy: 'allow', classSize: 20_000 },
    });
    const classroom = await Promise.all(
      Array.from({ length: 30 }, (_, i) => joinOverHttp(session.joinCode, `Student ${i}`)),
    );
    assert.deepEqual(
      classroom.map((r) => r.status),
      Array.from({ length: 30 }, () => 200),
    );
    const flood = await Promise.all(
      Array.from({ length: 400 }, (_, i) => joinOverHttp(session.joinCode, `Bot ${i}`)),
    );
    const limited = flood.filter((r) => r.status === 429);
    assert.ok(limited.length >= 250, `${limited.length} of 400 were limited`);
    assert.ok(
      limited.every((r) => (r.body as ProtocolError).code === 'join_rate_limited'),
      'with the reason',
    );
    assert.ok((await rejected(h, 'join_rate_limited')) >= 250);
    // The socket handshake shares the limit.
    const socketJoin = await connect(h, {
      v: PROTOCOL_VERSION,
      join: { code: session.joinCode, name: 'Late bot' },
    });
    assert.equal(socketJoin.ok, false);
  });

  it('a full session says so', async () => {
    // Its own server, with the default limits: the flood above used up this address's joins.
    await h.close();
    h = await startServer();
    const session = await createSession(h, DECK, {
      settings: { pacing: 'instructor', latePolicy: 'allow', classSize: 2 },
    });
    assert.equal((await joinOverHttp(session.joinCode, 'Ada')).status, 200);
    assert.equal((await joinOverHttp(session.joinCode, 'Bo')).status, 200);
    const full = await joinOverHttp(session.joinCode, 'Cy');
    assert.equal(full.status, 409);
    assert.equal((full.body as ProtocolError).code, 'class_full');
  });
});

describe('syncing in a loop', () => {
  let h: Harness;
  before(async () => {
    h = await startServer({
      syncsPerMinutePerSocket: 6,
      joinLimits: {
        perSourcePerSecond: 10_000,
        perSourceBurst: 10_000,
        perCodePerSecond: 10_000,
        perCodeBurst: 10_000,
      },
    });
  });
  after(async () => {
    await h?.close();
  });

  it('costs by the size of the reply, so a loop is refused while others are served', async () => {
    const session = await createSession(h, DECK);
    for (let i = 0; i < 150; i++)
      await http(h, 'POST', '/v1/join', {
        body: {
          v: PROTOCOL_VERSION,
          join: { code: session.joinCode, name: `Student number ${i} of a big class` },
        },
      });
    const teacher = await connectTeacher(h, session.teacherToken);
    const student = await joinStudent(h, session.joinCode, 'Ada');
    const emitSync = () =>
      new Promise<{ ok: boolean; code?: string }>((resolve) =>
        teacher.socket.emit('session:sync', { sessionId: session.sessionId }, resolve),
      );
    const replies = [];
    // Fewer than REALTIME_REFUSALS_BEFORE_DISCONNECT (30) in a row: refused, not yet closed.
    for (let i = 0; i < 25; i++) replies.push(await emitSync());
    const served = replies.filter((r) => r.ok).length;
    const limited = replies.filter((r) => !r.ok && r.code === 'rate_limited').length;
    assert.ok(served >= 1 && served <= 3, `${served} syncs served`);
    assert.equal(served + limited, 25);
    // Someone else's message is still answered at once.
    const pong = await new Promise<{ ok: boolean }>((resolve) =>
      student.socket.emit('ping', { sentAt: Date.now() }, resolve),
    );
    assert.equal(pong.ok, true);
  });

  it('limits syncs per socket: a looping student is refused while a classmate still syncs', async () => {
    const session = await createSession(h, DECK);
    const looping = await joinStudent(h, session.joinCode, 'Loop');
    const classmate = await joinStudent(h, session.joinCode, 'Kim');
    const sync = (socket: typeof looping.socket) =>
      new Promise<{ ok: boolean; code?: string }>((resolve) =>
        socket.emit('session:sync', { sessionId: session.sessionId }, resolve),
      );
    const replies = [];
    for (let i = 0; i < 10; i++) replies.push(await sync(looping.socket));
    assert.equal(replies.filter((r) => r.ok).length, 3, 'a burst of three, then refused');
    assert.ok(replies.slice(3).every((r) => r.code === 'rate_limited'));
    assert.equal((await sync(classmate.socket)).ok, true);
  });

  it('closes a socket that keeps sending while refused', async () => {
    const session = await createSession(h, DECK);
    const flooder = await joinStudent(h, session.joinCode, 'Flood');
    const closed = new Promise<{ code: string }>((resolve) =>
      flooder.socket.on('session:closed', resolve),
    );
    const before = await rejected(h, 'closed_ignoring_rate_limit');
    // Far past the message allowance (burst 40): every one after it is refused.
    for (let i = 0; i < 300 && flooder.socket.connected; i++)
      flooder.socket.emit('ping', { sentAt: Date.now() }, () => undefined);
    assert.equal((await closed).code, 'rate_limited');
    assert.equal(await rejected(h, 'closed_ignoring_rate_limit'), before + 1);
  });
});
