/**
 * The dark launch on the socket tier: a student page on Firebase also opens a shadow
 * connection with a `shadow` token, which may only ping and is nobody in any session; and
 * `startShadowConnection`, which makes that connection and says what happened, against the
 * real server and networks that misbehave the way school networks do (network-faults.ts).
 */
import assert from 'node:assert/strict';
import { createServer as createHttpServer } from 'node:http';
import { createServer } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { Server } from 'socket.io';
import {
  startShadowConnection,
  type ShadowConnection,
  type ShadowObservation,
} from '../src/client/shadow-connection.ts';
import { PROTOCOL_VERSION, type TeacherDelta } from '../src/protocol/index.ts';
import { createTokenService } from '../src/server/index.ts';
import { SESSION_EVENTS } from '../src/server/session-ops.ts';
import { EVERY_KIND_DECK } from './support/classroom.ts';
import { startBlackhole, startUpgradeStrippingProxy } from './support/network-faults.ts';
import {
  TEST_SECRET,
  collect,
  connectTeacher,
  connectWithToken,
  createSession,
  http,
  joinStudent,
  metricValue,
  scrape,
  startServer,
  teacherSync,
  type Harness,
} from './support/server-harness.ts';

const tokens = createTokenService({
  secret: TEST_SECRET,
  teacherTtlSeconds: 60,
  studentTtlSeconds: 60,
});

describe('a shadow token on the socket tier', { timeout: 30_000 }, () => {
  let h: Harness;
  before(async () => {
    h = await startServer();
  });
  after(() => h.close());

  const open = (token: string) => connectWithToken(h, token);

  it('connects, pings and is counted as a shadow, apart from probes and students', async () => {
    const socket = await open(await tokens.signShadow());
    const sentAt = Date.now();
    const reply = (await socket.emitWithAck('ping', { sentAt })) as { ok: boolean; sentAt: number };
    assert.deepEqual([reply.ok, reply.sentAt], [true, sentAt]);
    const metrics = (await scrape(h)).text;
    assert.equal(metricValue(metrics, 'realtime_connected_sockets', { role: 'shadow' }), 1);
    socket.disconnect();
  });

  it('may do nothing but ping: every session event is forbidden, whatever it names', async () => {
    const session = await createSession(h, EVERY_KIND_DECK);
    const socket = await open(await tokens.signShadow());
    for (const event of SESSION_EVENTS) {
      const reply = (await socket.emitWithAck(event, {
        sessionId: session.sessionId,
        slideId: 'mc',
        answerId: 'shadow-answer-1',
        answer: { kind: 'multiple-choice', optionIds: ['paris'] },
        command: { type: 'endSession' },
      })) as { ok: boolean; code?: string };
      assert.deepEqual([reply.ok, reply.code], [false, 'forbidden'], event);
    }
    const state = (await teacherSync((await connectTeacher(h, session.teacherToken)).socket)).state;
    assert.equal(state.status, 'live');
    assert.deepEqual(state.responses, {});
    socket.disconnect();
  });

  it('is nobody in a session: no presence, no roster entry, no teacher update', async () => {
    const session = await createSession(h, EVERY_KIND_DECK);
    const teacher = await connectTeacher(h, session.teacherToken);
    const deltas = collect<TeacherDelta>(teacher.socket, 'teacher:delta');
    const shadow = await open(await tokens.signShadow());
    await shadow.emitWithAck('ping', { sentAt: Date.now(), rttMs: 12 });
    // A real student joins afterwards: the teacher's updates up to theirs hold nobody else.
    const student = await joinStudent(h, session.joinCode, 'Ada');
    await deltas.waitFor(1);
    const until = async () => {
      for (;;) {
        if (deltas.items.some((d) => d.presence?.[student.studentId]?.status === 'connected'))
          return;
        await deltas.waitFor(deltas.items.length + 1);
      }
    };
    await until();
    const ids = new Set(
      deltas.items.flatMap((d) => [
        ...Object.keys(d.presence ?? {}),
        ...(d.students ?? []).map((s) => s.id),
      ]),
    );
    assert.deepEqual([...ids], [student.studentId]);
    const snapshot = await teacherSync(teacher.socket);
    assert.deepEqual(Object.keys(snapshot.presence), [student.studentId]);
    assert.deepEqual(Object.keys(snapshot.state.students), [student.studentId]);
    shadow.disconnect();
  });

  it('cannot join or resume a session over HTTP', async () => {
    const joined = await http(h, 'POST', '/v1/join', {
      body: { v: PROTOCOL_VERSION, token: await tokens.signShadow() },
    });
    assert.equal(joined.status, 403);
    assert.equal((joined.body as { code?: string }).code, 'forbidden');
  });
});

describe(
  'startShadowConnection reports what a school network does to it',
  { timeout: 60_000 },
  () => {
    let h: Harness;
    let wsOnly: Harness;
    const running: ShadowConnection[] = [];
    const cleanups: Array<() => Promise<void>> = [];
    before(async () => {
      h = await startServer();
      wsOnly = await startServer({ websocketOnly: true });
    });
    after(async () => {
      for (const shadow of running) shadow.stop();
      for (const cleanup of cleanups.reverse()) await cleanup();
      await h.close();
      await wsOnly.close();
    });

    /** Starts a shadow connection; `until` resolves once an observation matches. */
    const start = (
      url: string,
      token: () => Promise<string | null> = () => tokens.signShadow(),
    ) => {
      const seen: ShadowObservation[] = [];
      const waiters: Array<{ match: (o: ShadowObservation) => boolean; resolve: () => void }> = [];
      const shadow = startShadowConnection({
        url,
        token,
        stepTimeoutMs: 500,
        pingIntervalMs: 50,
        retryDelayMs: 60_000,
        reconnectDelayMs: 10,
        observe: (o) => {
          seen.push(o);
          for (const w of waiters.splice(0)) {
            if (w.match(o)) w.resolve();
            else waiters.push(w);
          }
        },
      });
      running.push(shadow);
      const until = <T extends ShadowObservation>(match: (o: ShadowObservation) => o is T) =>
        new Promise<T>((resolve) => {
          const found = seen.find(match);
          if (found) return resolve(found);
          waiters.push({ match, resolve: () => resolve(seen.filter(match).at(-1)!) });
        });
      return { shadow, seen, until };
    };
    const failed = (o: ShadowObservation): o is Extract<ShadowObservation, { type: 'failed' }> =>
      o.type === 'failed';
    const connected = (
      o: ShadowObservation,
    ): o is Extract<ShadowObservation, { type: 'connected' }> => o.type === 'connected';
    const rtt = (o: ShadowObservation): o is Extract<ShadowObservation, { type: 'rtt' }> =>
      o.type === 'rtt';

    it('connects over WebSocket and reports the connect time and round trips', async () => {
      const { shadow, until, seen } = start(h.url);
      const first = await until(connected);
      assert.equal(first.transport, 'websocket');
      assert.equal(first.reconnect, false);
      assert.ok(first.durationMs > 0 && first.durationMs < 5_000, String(first.durationMs));
      const ping = await until(rtt);
      assert.equal(ping.transport, 'websocket');
      assert.ok(ping.rttMs >= 0 && ping.rttMs < 5_000);
      assert.equal(seen.filter(failed).length, 0);
      shadow.stop();
    });

    it('reports a drop with its reason, then the reconnect', async () => {
      const { shadow, until } = start(h.url);
      await until(connected);
      h.server.io.disconnectSockets(true);
      const drop = await until(
        (o): o is Extract<ShadowObservation, { type: 'disconnected' }> => o.type === 'disconnected',
      );
      assert.equal(drop.reason, 'io server disconnect');
      const again = await until(
        (o): o is Extract<ShadowObservation, { type: 'connected' }> =>
          o.type === 'connected' && o.reconnect,
      );
      assert.equal(again.transport, 'websocket');
      shadow.stop();
    });

    it('falls back to long-polling behind a proxy that strips WebSocket upgrades', async () => {
      const proxy = await startUpgradeStrippingProxy(h.url);
      cleanups.push(() => proxy.close());
      const { shadow, until, seen } = start(proxy.url);
      const reached = await until(connected);
      assert.equal(reached.transport, 'polling');
      assert.equal((await until(rtt)).transport, 'polling');
      assert.equal(seen.filter(failed).length, 0, 'a fallback that works is a success');
      shadow.stop();
    });

    it('upgrade: WebSockets stripped on the way and a tier that takes nothing else', async () => {
      const proxy = await startUpgradeStrippingProxy(wsOnly.url);
      cleanups.push(() => proxy.close());
      const { shadow, until } = start(proxy.url);
      assert.equal((await until(failed)).stage, 'upgrade');
      shadow.stop();
    });

    it('auth: the tier refuses a token it did not sign', async () => {
      const forged = createTokenService({
        secret: 'another-secret-'.padEnd(48, 'y'),
        teacherTtlSeconds: 60,
        studentTtlSeconds: 60,
      });
      const { shadow, until, seen } = start(h.url, () => forged.signShadow());
      const failure = await until(failed);
      assert.equal(failure.stage, 'auth');
      assert.equal(failure.reconnect, false);
      assert.equal(seen.filter(connected).length, 0);
      shadow.stop();
    });

    it('handshake: the transport opens but the server never lets the connection in', async () => {
      const bare = createHttpServer();
      const refusing = new Server(bare);
      refusing.use((_socket, next) => next(new Error('not today')));
      await new Promise<void>((resolve) => bare.listen(0, '127.0.0.1', resolve));
      cleanups.push(async () => {
        await refusing.close();
      });
      const { port } = bare.address() as { port: number };
      const { shadow, until } = start(`http://127.0.0.1:${port}`);
      assert.equal((await until(failed)).stage, 'handshake');
      shadow.stop();
    });

    it('network: nothing answers at that address', async () => {
      const closed = createServer();
      await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
      const { port } = closed.address() as { port: number };
      await new Promise<void>((resolve) => closed.close(() => resolve()));
      const { shadow, until } = start(`http://127.0.0.1:${port}`);
      assert.equal((await until(failed)).stage, 'network');
      shadow.stop();
    });

    it('timeout: a host that takes the connection and never answers', async () => {
      const hole = await startBlackhole();
      cleanups.push(() => hole.close());
      const { shadow, until } = start(hole.url);
      const failure = await until(failed);
      assert.equal(failure.stage, 'timeout');
      assert.ok(failure.durationMs >= 1_000, `both steps waited: ${failure.durationMs} ms`);
      shadow.stop();
    });

    it('without a token it makes no attempt and reports nothing', async () => {
      let asked = 0;
      const { shadow, seen } = start(h.url, async () => {
        asked += 1;
        return null;
      });
      await new Promise<void>((resolve) => setImmediate(resolve));
      assert.equal(asked, 1);
      assert.deepEqual(seen, []);
      shadow.stop();
    });
  },
);
