import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Redis } from 'ioredis';
import type { SessionClient } from '../src/client/index.ts';
import { evolveAll, type EngineEvent } from '../src/engine/index.ts';
import type { SessionState } from '../src/protocol/index.ts';
import { createTokenService } from '../src/server/index.ts';
import { startChildServer, type ChildServer } from './support/child-server.ts';
import {
  answerFor,
  createSession,
  EVERY_KIND_DECK,
  everyoneAnswers,
  moveClassTo,
  socketClient,
  TEST_SECRET,
  tempDir,
  waitFor,
  type CreatedSession,
} from './support/classroom.ts';
import { startRedisServer, type RedisServer } from './support/redis-server.ts';
import { startTcpBalancer, type TcpBalancer } from './support/tcp-balancer.ts';

const tokens = createTokenService({
  secret: TEST_SECRET,
  teacherTtlSeconds: 3600,
  studentTtlSeconds: 3600,
});

describe('several realtime processes sharing one Redis', { timeout: 180_000 }, () => {
  const dir = tempDir('cluster');
  let redis: RedisServer;
  let control: Redis;
  let a: ChildServer;
  let b: ChildServer;
  let env: Record<string, string>;
  const clients: SessionClient[] = [];
  const balancers: TcpBalancer[] = [];

  const client = (url: string) => {
    const c = socketClient(url);
    clients.push(c);
    return c;
  };
  const newSession = async (on: ChildServer) =>
    createSession(on.url, await tokens.signTeacherAccount('t-1'), { deck: EVERY_KIND_DECK });
  const join = async (url: string, session: CreatedSession, count: number, from: number) => {
    const joined = Array.from({ length: count }, (_, i) => {
      const s = client(url);
      s.joinWithCode(session.joinCode, `Student ${from + i}`);
      return s;
    });
    await Promise.all(joined.map((s) => waitFor(s, (st) => st.self !== null)));
    return joined;
  };
  const teacherOn = async (url: string, session: CreatedSession) => {
    const teacher = client(url);
    teacher.connectAsTeacher(session.teacherToken);
    await waitFor(teacher, (s) => s.teacher !== null);
    return teacher;
  };
  /** The session as its event log in Redis says, replayed from the first event. */
  const replayLog = async (sessionId: string) => {
    const entries = await control.lrange(`cp:s:{${sessionId}}:log`, 0, -1);
    let state: SessionState | null = null;
    for (const entry of entries) state = evolveAll(state, JSON.parse(entry) as EngineEvent[]);
    return { state, events: entries.flatMap((e) => JSON.parse(e) as EngineEvent[]) };
  };
  const report = async (on: ChildServer, session: CreatedSession) => {
    const res = await fetch(`${on.url}/v1/sessions/${session.sessionId}`, {
      headers: { authorization: `Bearer ${session.teacherToken}` },
    });
    assert.equal(res.status, 200);
    return ((await res.json()) as { state: SessionState }).state;
  };

  before(async () => {
    redis = await startRedisServer();
    control = new Redis(redis.url);
    env = {
      CLASSPULSE_DATA_DIR: dir.path,
      REALTIME_TOKEN_SECRET: TEST_SECRET,
      REALTIME_PORT: '0',
      REALTIME_INTERNAL_PORT: '0',
      REALTIME_REDIS_URL: redis.url,
      REALTIME_SESSION_LEASE_MS: '2000',
      REALTIME_PEER_TIMEOUT_MS: '1000',
      REALTIME_STUDENT_BROADCAST_INTERVAL_MS: '20',
      REALTIME_SESSION_IDLE_EVICT_MS: '1000',
      REALTIME_PRESENCE_GONE_AFTER_MS: '1500',
    };
    [a, b] = await Promise.all([startChildServer(env), startChildServer(env)]);
  });

  after(async () => {
    for (const c of clients) c.close();
    for (const lb of balancers) await lb.close();
    for (const server of [a, b]) {
      server?.process.kill('SIGKILL');
      await server?.exited;
    }
    control?.disconnect();
    await redis?.stop();
    dir.remove();
  });

  it('students on one process and the teacher on another see each other live', async () => {
    const session = await newSession(a);
    const teacher = await teacherOn(b.url, session);
    const students = [...(await join(a.url, session, 4, 0)), ...(await join(b.url, session, 4, 4))];
    const ids = students.map((s) => s.getState().studentId!);

    // The roster on B shows students connected to A and to B.
    await waitFor(teacher, (s) =>
      ids.every((id) => s.teacher?.presence[id]?.status === 'connected'),
    );

    await everyoneAnswers(students, 'mc', 'multiple-choice');
    await waitFor(teacher, (s) => Object.keys(s.teacher?.state.responses.mc ?? {}).length === 8);
    assert.equal(teacher.getState().teacher?.counts.mc, 8);

    // A command from the teacher on B reaches students on both processes.
    await moveClassTo(teacher, students, 2);

    // A student leaving on A shows on B's roster.
    students[0]!.close();
    await waitFor(teacher, (s) => s.teacher?.presence[ids[0]!]?.status === 'reconnecting');

    const owner = await control.get(`cp:s:{${session.sessionId}}:owner`);
    assert.ok(owner, 'exactly one process owns the session');
  });

  it('erasing a student through another process runs on the owner and leaves no trace in Redis', async () => {
    const session = await newSession(a);
    const [gone, stays] = await join(a.url, session, 2, 100);
    await everyoneAnswers([gone!, stays!], 'mc', 'multiple-choice');
    const goneId = gone!.getState().studentId!;
    const staysId = stays!.getState().studentId!;
    const asTeacher = { authorization: `Bearer ${session.teacherToken}` };
    const ended = await fetch(`${a.url}/v1/sessions/${session.sessionId}/commands`, {
      method: 'POST',
      headers: { ...asTeacher, 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'endSession' }),
    });
    assert.equal(ended.status, 200);
    const studentPath = (id: string) => `/v1/sessions/${session.sessionId}/students/${id}`;
    const staysBefore = (await (
      await fetch(`${b.url}${studentPath(staysId)}`, { headers: asTeacher })
    ).json()) as unknown;

    // Asked of B; A owns the session and holds it in memory.
    const erased = await fetch(`${b.url}${studentPath(goneId)}`, {
      method: 'DELETE',
      headers: asTeacher,
    });
    assert.equal(erased.status, 200);
    assert.deepEqual(await erased.json(), { ok: true, erased: true });

    for (const on of [a, b]) {
      const state = await report(on, session);
      assert.equal(state.students[goneId], undefined);
      assert.ok(state.students[staysId]);
      const res = await fetch(`${on.url}${studentPath(goneId)}`, { headers: asTeacher });
      assert.equal(res.status, 404);
    }
    const staysAfter = (await (
      await fetch(`${a.url}${studentPath(staysId)}`, { headers: asTeacher })
    ).json()) as unknown;
    // The same student and answers; its health records may only have grown (the connection that
    // lived on was announced again when the session was loaded after the erasure).
    type Exported = { student: unknown; answers: unknown; health: unknown[] };
    const [before, after] = [staysBefore as Exported, staysAfter as Exported];
    assert.deepEqual([after.student, after.answers], [before.student, before.answers]);
    assert.deepEqual(after.health.slice(0, before.health.length), before.health);
    for (const key of await control.keys(`cp:*${session.sessionId}*`)) {
      const type = await control.type(key);
      const value =
        type === 'hash'
          ? JSON.stringify(await control.hgetall(key))
          : type === 'list'
            ? JSON.stringify(await control.lrange(key, 0, -1))
            : String(await control.get(key));
      assert.ok(!value.includes(goneId), `${key} still holds the student's id`);
      assert.ok(!value.includes('Student 100'), `${key} still holds the student's name`);
    }
  });

  it('two processes take answers and teacher commands for one session at once and agree', async () => {
    const session = await newSession(b);
    const teacherA = await teacherOn(a.url, session);
    const teacherB = await teacherOn(b.url, session);
    const students = [...(await join(a.url, session, 6, 0)), ...(await join(b.url, session, 6, 6))];
    await moveClassTo(teacherA, students, 1);

    // Three edits per student on the text slide while both teachers send commands.
    const edits = Promise.all(
      students.map(async (s, i) => {
        for (let round = 0; round < 3; round++) {
          s.submitAnswer('text', { kind: 'short-text', text: `student ${i} edit ${round}` });
          await waitFor(s, (st) => st.answers.text?.status === 'received');
        }
      }),
    );
    const commands = Promise.all(
      [teacherA, teacherB].map(async (teacher, t) => {
        const results = [];
        for (let round = 0; round < 6; round++) {
          results.push(
            await teacher.command({
              type: 'setReveal',
              slideId: 'text',
              mode: (round + t) % 2 === 0 ? 'anonymous' : 'hidden',
            }),
            await teacher.command({
              type: 'revealCorrect',
              slideId: 'mc',
              revealed: round % 2 === 0,
            }),
          );
        }
        return results;
      }),
    );
    await edits;
    for (const result of (await commands).flat()) assert.equal(result.ok, true);
    await teacherA.command({ type: 'setReveal', slideId: 'text', mode: 'named' });

    // The log in Redis has no gap or fork, and replaying it gives what both processes report.
    const replayed = await replayLog(session.sessionId);
    const fromA = await report(a, session);
    const fromB = await report(b, session);
    assert.deepEqual(fromA, fromB);
    assert.equal(replayed.state?.seq, fromA.seq);
    assert.deepEqual(replayed.state?.responses, fromA.responses);
    assert.deepEqual(replayed.state?.slides, fromA.slides);

    // Every student's last acknowledged answer is the stored one, and both teachers saw it.
    for (const teacher of [teacherA, teacherB]) {
      await waitFor(teacher, (s) =>
        students.every((student) => {
          const { studentId, answers } = student.getState();
          return s.teacher?.state.responses.text?.[studentId!]?.answerId === answers.text?.answerId;
        }),
      );
    }
    for (const s of students) {
      const { studentId, answers } = s.getState();
      assert.equal(fromA.responses.text?.[studentId!]?.answerId, answers.text?.answerId);
    }
    assert.equal(fromA.slides.text?.reveal, 'named');
  });

  it('a session nobody uses is let go, and the process asked next takes it over', async () => {
    const session = await newSession(a);
    const ownerKey = `cp:s:{${session.sessionId}}:owner`;
    assert.equal(await control.get(ownerKey), await ownerId(a));
    // No connection: after the idle time A evicts the session and releases its lease.
    const deadline = Date.now() + 10_000;
    while ((await control.get(ownerKey)) !== null) {
      assert.ok(Date.now() < deadline, 'the lease was released');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const teacher = await teacherOn(b.url, session);
    assert.equal(await control.get(ownerKey), await ownerId(b));
    const [student] = await join(a.url, session, 1, 0);
    student!.submitAnswer('mc', answerFor('multiple-choice', 0));
    await waitFor(student!, (st) => st.answers.mc?.status === 'received');
    await waitFor(teacher, (s) => Object.keys(s.teacher?.state.responses.mc ?? {}).length === 1);
    assert.deepEqual(await report(a, session), await report(b, session));
  });

  it("a process killed with students on it: the owner's roster shows them leaving", async () => {
    const c = await startChildServer(env);
    try {
      const session = await newSession(b);
      const teacher = await teacherOn(b.url, session);
      const students = await join(c.url, session, 3, 0);
      const ids = students.map((s) => s.getState().studentId!);
      await waitFor(teacher, (s) =>
        ids.every((id) => s.teacher?.presence[id]?.status === 'connected'),
      );
      // C never says goodbye: B learns it from C's heartbeat expiring, then closes its sockets.
      c.process.kill('SIGKILL');
      await c.exited;
      await waitFor(teacher, (s) => ids.every((id) => s.teacher?.presence[id]?.status === 'gone'));
    } finally {
      c.process.kill('SIGKILL');
      await c.exited;
    }
  });

  it('a process shutting down hands its sessions over at once instead of waiting out the lease', async () => {
    const d = await startChildServer(env);
    try {
      const session = await newSession(d);
      const ownerKey = `cp:s:{${session.sessionId}}:owner`;
      const teacher = await teacherOn(b.url, session);
      const [student] = await join(b.url, session, 1, 0);
      const dId = await ownerId(d);
      assert.equal(await control.get(ownerKey), dId);
      student!.submitAnswer('mc', answerFor('multiple-choice', 0));
      await waitFor(student!, (st) => st.answers.mc?.status === 'received');

      d.process.kill('SIGTERM');
      await d.exited;
      // Released on the way out, not left to expire: nobody owns it until someone asks.
      assert.notEqual(await control.get(ownerKey), dId);
      assert.equal((await teacher.command({ type: 'goToSlide', slideIndex: 1 })).ok, true);
      assert.equal(await control.get(ownerKey), await ownerId(b));
      assert.ok((await report(b, session)).responses.mc?.[student!.getState().studentId!]);
    } finally {
      d.process.kill('SIGKILL');
      await d.exited;
    }
  });

  it('killing the owning process loses no acknowledged answer: the survivor takes over', async (t) => {
    const session = await newSession(a);
    // Students reach the servers through a balancer that prefers A while it is up.
    const lb = await startTcpBalancer(() => [a.port, b.port]);
    balancers.push(lb);
    const teacher = await teacherOn(b.url, session);
    const students = await join(lb.url, session, 10, 0);
    assert.equal(await control.get(`cp:s:{${session.sessionId}}:owner`), await ownerId(a));

    await everyoneAnswers(students, 'mc', 'multiple-choice');

    await moveClassTo(teacher, students, 2);

    // A dies without warning as soon as one answer is acknowledged, with others in flight.
    const acknowledgedBeforeKill = new Set<string>();
    let someAcknowledged: () => void = () => undefined;
    const fewAcknowledged = new Promise<void>((resolve) => (someAcknowledged = resolve));
    students.forEach((s, i) => {
      const answerId = s.submitAnswer('num', answerFor('number', i));
      s.subscribe((st) => {
        if (st.answers.num?.answerId === answerId && st.answers.num.status === 'received') {
          if (a.process.exitCode === null && a.process.signalCode === null) {
            acknowledgedBeforeKill.add(answerId);
            if (acknowledgedBeforeKill.size >= 1) someAcknowledged();
          }
        }
      });
    });
    await fewAcknowledged;
    a.process.kill('SIGKILL');
    await a.exited;
    const started = performance.now();
    await Promise.all(students.map((s) => waitFor(s, (st) => st.status !== 'connected')));

    // Everyone comes back through the balancer (now to B) and every answer is received.
    await Promise.all(
      students.map((s) =>
        waitFor(s, (st) => st.status === 'connected' && st.answers.num?.status === 'received'),
      ),
    );
    const tookOver = performance.now() - started;
    const ids = students.map((s) => s.getState().studentId!);
    await waitFor(teacher, (s) =>
      ids.every(
        (id, i) =>
          s.teacher?.state.responses.num?.[id]?.answerId ===
            students[i]!.getState().answers.num?.answerId &&
          s.teacher?.presence[id]?.status === 'connected',
      ),
    );

    const { events } = await replayLog(session.sessionId);
    const stored = new Map<string, number>();
    for (const e of events) {
      if (e.type === 'answerSubmitted') stored.set(e.answerId, (stored.get(e.answerId) ?? 0) + 1);
    }
    for (const answerId of acknowledgedBeforeKill) assert.ok(stored.has(answerId));
    for (const s of students) {
      for (const answer of Object.values(s.getState().answers)) {
        assert.equal(stored.get(answer.answerId), 1, 'every received answer stored exactly once');
      }
    }
    assert.equal(await control.get(`cp:s:{${session.sessionId}}:owner`), await ownerId(b));
    // And the teacher on the survivor keeps running the class.
    await moveClassTo(teacher, students, 3);
    t.diagnostic(
      `${acknowledgedBeforeKill.size} of 10 answers acknowledged before the kill; all 10 received ${Math.round(tookOver)} ms after it`,
    );
  });

  /** The id a process owns sessions under, as its /healthz reports it. */
  async function ownerId(server: ChildServer): Promise<string> {
    const res = await fetch(`${server.url}/healthz`);
    const body = (await res.json()) as { processId?: string };
    assert.ok(body.processId, '/healthz names the process in cluster mode');
    return body.processId;
  }
});
