/**
 * The session health report against the real tier: a class on sockets with a dropped network,
 * answers queued offline, and a `kill -9` of the real process on the same SQLite database; the
 * stored-acknowledgements check with a tampered store; bad delivery facts; and the same report
 * on the Firebase transport across a restart of our tier (test/support/firebase-classroom.ts).
 */
import Database from 'better-sqlite3';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { memoryStorage, type SessionClient } from '../src/client/index.ts';
import {
  healthReportSchema,
  PROTOCOL_VERSION,
  type HealthReport,
  type HealthStudent,
} from '../src/protocol/index.ts';
import {
  answerFor,
  EVERY_KIND_DECK,
  everyoneAnswers,
  moveClassTo,
  socketClient,
  startServer as startClassroomServer,
  tempDir,
  waitFor,
} from './support/classroom.ts';
import { openFirebaseClassroom } from './support/firebase-classroom.ts';
import {
  assertProtocolError,
  connect,
  createSession as createHarnessSession,
  http,
  joinStudent,
  startServer,
  teacherSync,
} from './support/server-harness.ts';
import { restartableServer } from './support/restartable-server.ts';
import { startUnpluggableLink } from './support/unpluggable-link.ts';

/** The health report over HTTP, checked against the protocol's schema. */
async function healthReport(url: string, sessionId: string, token: string): Promise<HealthReport> {
  const res = await fetch(`${url}/v1/sessions/${sessionId}/health`, {
    headers: { authorization: `Bearer ${token}` },
  });
  const body = (await res.json()) as unknown;
  assert.equal(res.status, 200, JSON.stringify(body));
  const parsed = healthReportSchema.safeParse(body);
  assert.ok(parsed.success, `the report matches its schema: ${JSON.stringify(parsed.error)}`);
  return parsed.data;
}

function studentNamed(report: HealthReport, name: string): HealthStudent {
  const row = report.students.find((s) => s.name === name);
  assert.ok(row, `a row for ${name}`);
  return row;
}

describe(
  'health report: drops, answers queued offline and a kill -9 restart on sockets',
  { timeout: 60_000 },
  () => {
    const server = restartableServer('health', { REALTIME_STUDENT_BROADCAST_INTERVAL_MS: '20' });
    const clients: SessionClient[] = [];
    let link: Awaited<ReturnType<typeof startUnpluggableLink>> | undefined;

    after(async () => {
      for (const c of clients) c.close();
      await link?.close();
      await server.dispose();
    });

    it('counts every connection, drop, reconnect and answer exactly, and every acknowledged answer is stored', async (t) => {
      const { port, url } = await server.start();
      const { session, teacher } = await server.openSession();
      clients.push(teacher);

      // Ben's network is a pipe the test can unplug; Ada and Cy connect directly.
      link = await startUnpluggableLink(() => port);
      const ada = socketClient(url, memoryStorage());
      const ben = socketClient(link.url, memoryStorage());
      const cy = socketClient(url, memoryStorage());
      const students = [ada, ben, cy];
      clients.push(...students);
      ada.joinWithCode(session.joinCode, 'Ada');
      ben.joinWithCode(session.joinCode, 'Ben');
      cy.joinWithCode(session.joinCode, 'Cy');
      await Promise.all(
        students.map((s) => waitFor(s, (st) => st.status === 'connected' && st.self !== null)),
      );
      const benId = ben.getState().studentId!;

      // Slide 1: everyone answers online.
      await everyoneAnswers(students, 'mc', 'multiple-choice');
      await moveClassTo(teacher, students, 1);

      // Ben's Wi-Fi drops. He answers slide 2 and changes his slide-1 answer while offline.
      link.unplug();
      await waitFor(ben, (s) => s.status === 'reconnecting');
      await waitFor(teacher, (s) => s.teacher?.presence[benId]?.status === 'reconnecting');
      const offlineAt = Date.now();
      ben.submitAnswer('text', { kind: 'short-text', text: 'written offline' });
      ben.submitAnswer('mc', { kind: 'multiple-choice', optionIds: ['nice'] });
      ada.submitAnswer('text', answerFor('short-text', 0));
      cy.submitAnswer('text', answerFor('short-text', 2));
      await Promise.all(
        [ada, cy].map((s) => waitFor(s, (st) => st.answers.text?.status === 'received')),
      );
      assert.equal(ben.getState().answers.text?.status, 'sending', 'queued while offline');
      await new Promise((resolve) => setTimeout(resolve, 300)); // offline for a noticeable while
      link.plug();
      await waitFor(
        ben,
        (s) => s.answers.text?.status === 'received' && s.answers.mc?.status === 'received',
      );
      const offlineMs = Date.now() - offlineAt;

      // Before the kill, the report has everything so far (reading it makes the records durable).
      const before = await healthReport(url, session.sessionId, session.teacherToken);
      assert.equal(before.totals.answers, 7);
      assert.equal(before.totals.queuedOffline, 2);
      assert.equal(studentNamed(before, 'Ben').disconnects, 1);
      assert.equal(before.totals.restarts, 0);

      // kill -9 mid-session, and the same database on the same port again.
      await server.kill();
      await Promise.all(students.map((s) => waitFor(s, (st) => st.status !== 'connected')));
      await server.start();
      await Promise.all(
        [...students, teacher].map((s) => waitFor(s, (st) => st.status === 'connected')),
      );
      await moveClassTo(teacher, students, 2);
      await everyoneAnswers(students, 'num', 'number');

      const report = await healthReport(url, session.sessionId, session.teacherToken);
      t.diagnostic(
        `delivery p50 ${report.delivery.p50Ms} ms, p95 ${report.delivery.p95Ms} ms; server p50 ${report.delivery.serverP50Ms} ms, p95 ${report.delivery.serverP95Ms} ms; offline ${offlineMs} ms`,
      );
      assert.deepEqual(report.totals, {
        students: 3,
        joins: 3,
        // Ada and Cy: the first connection and one after the restart; Ben also after his drop.
        connections: 7,
        disconnects: 4,
        reconnects: 4,
        answers: 10,
        queuedOffline: 2,
        resent: 0,
        restarts: 1,
      });
      assert.equal(report.restarts.length, 1);
      for (const [name, connections, reasons] of [
        ['Ada', 2, { 'server restarted': 1 }],
        ['Ben', 3, { 'transport close': 1, 'server restarted': 1 }],
        ['Cy', 2, { 'server restarted': 1 }],
      ] as const) {
        const row = studentNamed(report, name);
        assert.equal(row.connections, connections, `${name}: connections`);
        assert.equal(row.reconnects, connections - 1, `${name}: reconnects`);
        assert.equal(row.disconnects, connections - 1, `${name}: disconnects`);
        assert.deepEqual(row.disconnectReasons, reasons, `${name}: why connections ended`);
        assert.deepEqual(row.transports, ['websocket'], `${name}: transports`);
        assert.equal(row.answers, name === 'Ben' ? 4 : 3, `${name}: answers`);
        assert.equal(row.queuedOffline, name === 'Ben' ? 2 : 0, `${name}: queued offline`);
        assert.ok(row.deliveryP50Ms !== null && row.deliveryP95Ms !== null);
        assert.ok(row.deliveryP50Ms <= row.deliveryP95Ms);
      }
      // Delivery times are there and sane: Ben's offline answers took at least his time offline
      // (minus the moment between unplugging and answering), the server's part is short.
      const { delivery } = report;
      assert.equal(delivery.measured, 10);
      assert.equal(delivery.unmeasured, 0);
      assert.equal(delivery.serverMeasured, 10);
      assert.ok(delivery.p50Ms !== null && delivery.p95Ms !== null && delivery.maxMs !== null);
      assert.ok(delivery.p50Ms <= delivery.p95Ms && delivery.p95Ms <= delivery.maxMs);
      assert.ok(delivery.p50Ms < 1_000, `p50 ${delivery.p50Ms} ms`);
      assert.ok(studentNamed(report, 'Ben').deliveryP95Ms! >= 250, 'the offline wait counts');
      assert.ok(delivery.maxMs < offlineMs + 5_000);
      assert.ok(delivery.serverP95Ms! >= 0 && delivery.serverP95Ms! < 2_000);
      assert.deepEqual(
        report.transports.map((x) => [x.transport, x.connections, x.answers]),
        [['websocket', 7, 10]],
      );
      assert.deepEqual(report.storedCheck, {
        acknowledged: 10,
        stored: 10,
        missing: [],
        removedByTeacher: 0,
        storedWithoutAck: 0,
      });
      assert.deepEqual(report.notes, []);

      // Tampered: an acknowledgement is logged for an answer the store does not have.
      for (const c of clients.splice(0)) c.close();
      await server.kill();
      const db = new Database(join(server.dataDir, 'realtime.sqlite'));
      const adaId = report.students.find((s) => s.name === 'Ada')!.studentId;
      db.prepare('INSERT INTO session_health (session_id, records) VALUES (?, ?)').run(
        session.sessionId,
        JSON.stringify([
          {
            k: 'ack',
            at: Date.now(),
            receivedAt: Date.now() - 3,
            studentId: adaId,
            slideId: 'scale',
            answerId: 'forged-answer-0001',
            transport: 'websocket',
            duplicate: false,
          },
          { k: 'nonsense' },
        ]),
      );
      db.close();
      await server.start();
      const tampered = await healthReport(url, session.sessionId, session.teacherToken);
      assert.equal(tampered.storedCheck.acknowledged, 11);
      assert.equal(tampered.storedCheck.stored, 10);
      assert.deepEqual(
        tampered.storedCheck.missing.map((m) => [m.answerId, m.name, m.slideId, m.slideNumber]),
        [['forged-answer-0001', 'Ada', 'scale', 5]],
      );
      assert.deepEqual(tampered.notes, [
        '1 answer came from pages that do not report how long they waited; only the server part of their delivery time is known.',
        '1 health record could not be read and was skipped.',
      ]);
      assert.equal(tampered.totals.restarts, 1, 'reading a report is not a restart');
    });
  },
);

describe('health report: the edge', { timeout: 30_000 }, () => {
  it('bad delivery facts are refused with the typed error and change nothing; old clients still count', async () => {
    const h = await startServer();
    try {
      const session = await createHarnessSession(h, EVERY_KIND_DECK);
      const student = await joinStudent(h, session.joinCode, 'Old page');
      const submit = (answerId: string, extra: Record<string, unknown>) =>
        student.socket.emitWithAck('student:submit', {
          sessionId: session.sessionId,
          slideId: 'mc',
          answerId,
          answer: { kind: 'multiple-choice', optionIds: ['paris'] },
          ...extra,
        }) as Promise<unknown>;

      for (const [delivery, path] of [
        [{ queuedMs: -1, offline: false, attempt: 1 }, 'delivery.queuedMs'],
        [{ queuedMs: 5, offline: 'yes', attempt: 1 }, 'delivery.offline'],
        [{ queuedMs: 5, offline: false, attempt: 0 }, 'delivery.attempt'],
        [{ queuedMs: 1.5, offline: false, attempt: 1 }, 'delivery.queuedMs'],
        [
          { queuedMs: 5, offline: false, attempt: 1, clockOffsetMs: 1e12 },
          'delivery.clockOffsetMs',
        ],
        ['soon', 'delivery'],
      ] as const) {
        const error = assertProtocolError(
          await submit('bad-delivery-1', { delivery }),
          'bad_request',
        );
        assert.equal(error.path, path);
      }
      const teacher = await connect(h, { v: PROTOCOL_VERSION, token: session.teacherToken });
      assert.ok(teacher.ok);
      assert.deepEqual((await teacherSync(teacher.socket)).state.responses, {}, 'nothing stored');

      // A page that does not report delivery facts is still acknowledged and counted.
      const ok = (await submit('old-client-1', {})) as { ok: boolean };
      assert.equal(ok.ok, true);
      const report = await healthReport(h.url, session.sessionId, session.teacherToken);
      assert.equal(report.storedCheck.acknowledged, 1);
      assert.equal(report.storedCheck.stored, 1);
      assert.equal(report.delivery.measured, 0);
      assert.equal(report.delivery.unmeasured, 1);
      assert.equal(report.delivery.serverMeasured, 1);
      assert.match(report.notes.join(' '), /do not report how long they waited/);
      assert.equal(studentNamed(report, 'Old page').connections, 1);
    } finally {
      await h.close();
    }
  });

  it('only that session’s teacher may read it', async () => {
    const h = await startServer();
    try {
      const session = await createHarnessSession(h, EVERY_KIND_DECK);
      const other = await createHarnessSession(h, EVERY_KIND_DECK);
      const student = await joinStudent(h, session.joinCode, 'Sam');
      const path = `/v1/sessions/${session.sessionId}/health`;
      assert.equal((await http(h, 'GET', path)).status, 401);
      assert.equal((await http(h, 'GET', path, { token: 'garbage' })).status, 401);
      assert.equal((await http(h, 'GET', path, { token: other.teacherToken })).status, 403);
      assert.equal((await http(h, 'GET', path, { token: student.token })).status, 403);
      const ok = await http(h, 'GET', path, { token: session.teacherToken });
      assert.equal(ok.status, 200);
    } finally {
      await h.close();
    }
  });
});

describe('health report on the Firebase transport', { timeout: 60_000 }, () => {
  it('counts Firebase connections and database acknowledgements, across a restart of our tier', async () => {
    const room = await openFirebaseClassroom('health-firebase');
    let second: Awaited<ReturnType<typeof startClassroomServer>> | undefined;
    const dir = tempDir('health-firebase-2');
    try {
      const [ana, bo] = [room.client(), room.client()];
      ana.joinWithCode(room.session.joinCode, 'Ana');
      bo.joinWithCode(room.session.joinCode, 'Bo');
      await Promise.all(
        [ana, bo].map((s) => waitFor(s, (st) => st.status === 'connected' && st.self !== null)),
      );
      ana.submitAnswer('mc', answerFor('multiple-choice', 0));
      bo.submitAnswer('mc', answerFor('multiple-choice', 1));
      await Promise.all(
        [ana, bo].map((s) => waitFor(s, (st) => st.answers.mc?.status === 'received')),
      );
      await waitFor(
        room.teacher,
        (s) => Object.keys(s.teacher?.state.responses.mc ?? {}).length === 2,
      );

      // Our tier stops; the students, on Firebase, keep answering (the database acknowledges).
      const port = room.server.port;
      await room.server.close();
      const changed = ana.submitAnswer('mc', { kind: 'multiple-choice', optionIds: ['nice'] });
      await waitFor(
        ana,
        (s) => s.answers.mc?.answerId === changed && s.answers.mc.status === 'received',
      );

      // A new process on the same database: the teacher's reconnect loads the session there.
      second = await startClassroomServer(dir.path, { firebase: room.firebase, port });
      await waitFor(
        room.teacher,
        (s) =>
          s.status === 'connected' &&
          s.teacher?.state.responses.mc?.[ana.getState().studentId!]?.answerId === changed,
      );
      const report = await healthReport(
        second.url,
        room.session.sessionId,
        room.session.teacherToken,
      );
      assert.equal(report.totals.restarts, 1);
      assert.equal(report.totals.answers, 3);
      for (const name of ['Ana', 'Bo']) {
        const row = studentNamed(report, name);
        // Firebase students stay connected to the database while our tier restarts.
        assert.equal(row.connections, 1, `${name}: connections`);
        assert.equal(row.disconnects, 0, `${name}: disconnects`);
        assert.deepEqual(row.transports, ['firebase']);
      }
      assert.equal(studentNamed(report, 'Ana').answers, 2);
      assert.deepEqual(
        report.transports.map((x) => [x.transport, x.connections, x.answers]),
        [['firebase', 2, 3]],
      );
      assert.equal(report.delivery.measured, 3, 'the database timestamp and the clock offset');
      assert.equal(report.delivery.serverMeasured, 0, 'no server acknowledges on Firebase');
      assert.ok(report.delivery.p95Ms !== null && report.delivery.p95Ms < 5_000);
      assert.deepEqual(report.storedCheck, {
        acknowledged: 3,
        stored: 3,
        missing: [],
        removedByTeacher: 0,
        storedWithoutAck: 0,
      });
      assert.match(report.notes.join(' '), /Firebase: connections and drops are seen only while/);
    } finally {
      room.closeClients();
      await second?.close();
      await room.close();
      dir.remove();
    }
  });
});
