/**
 * Students' round trips on the teacher's roster: a student's ping may carry the round trip it
 * measured last; the session keeps the latest in presence (memory, never the log), at most one
 * per student every RTT_REPORT_MIN_INTERVAL_MS, only for the transport the student is on now.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Presence, TeacherDelta } from '../src/protocol/index.ts';
import { PresenceTracker, RTT_REPORT_MIN_INTERVAL_MS } from '../src/server/presence.ts';
import { EVERY_KIND_DECK, socketClient, waitFor } from './support/classroom.ts';
import { ManualClock } from './support/manual-clock.ts';
import {
  assertProtocolError,
  collect,
  connectTeacher,
  createSession,
  joinStudent,
  startServer,
  teacherSync,
  type Harness,
} from './support/server-harness.ts';

describe('round trips on the roster', { timeout: 30_000 }, () => {
  let h: Harness;
  const clock = new ManualClock();
  before(async () => {
    h = await startServer({}, { clock });
  });
  after(() => h.close());

  it('keeps the latest report per student, at most one per interval, for the teacher', async () => {
    const session = await createSession(h, EVERY_KIND_DECK);
    const teacher = await connectTeacher(h, session.teacherToken);
    const deltas = collect<TeacherDelta>(teacher.socket, 'teacher:delta');
    const ada = await joinStudent(h, session.joinCode, 'Ada');
    const rttSeen = async (ms: number) => {
      for (let n = 1; ; n++) {
        await deltas.waitFor(n);
        if (deltas.items.some((d) => d.presence?.[ada.studentId]?.rttMs === ms)) return;
      }
    };
    const ping = (rttMs: number) => ada.socket.emitWithAck('ping', { sentAt: 1, rttMs });

    assert.equal(((await ping(42.4)) as { ok: boolean }).ok, true);
    await rttSeen(42);
    await ping(50); // too soon after the last one: dropped
    clock.advance(RTT_REPORT_MIN_INTERVAL_MS);
    await ping(61);
    await rttSeen(61);
    const reported = deltas.items.flatMap((d) => {
      const p = d.presence?.[ada.studentId];
      return p?.rttMs === undefined ? [] : [p.rttMs];
    });
    assert.deepEqual(reported, [42, 61]);
    const snapshot = await teacherSync(teacher.socket);
    assert.equal(snapshot.presence[ada.studentId]?.rttMs, 61);
    assert.equal(snapshot.presence[ada.studentId]?.transport, 'websocket');
    // Presence is not session state: nothing of it reached the stored session.
    assert.equal(JSON.stringify(snapshot.state).includes('rttMs'), false);
  });

  it('refuses round trips outside the protocol with bad_request', async () => {
    const session = await createSession(h, EVERY_KIND_DECK);
    const sam = await joinStudent(h, session.joinCode, 'Sam');
    for (const rttMs of [-1, 60_001, 'fast', Number.POSITIVE_INFINITY]) {
      const reply: unknown = await sam.socket.emitWithAck('ping', { sentAt: 1, rttMs });
      assertProtocolError(reply, 'bad_request', String(rttMs));
    }
  });

  it('a teacher that sends one changes no roster (shadows: shadow-connection.test.ts)', async () => {
    const session = await createSession(h, EVERY_KIND_DECK);
    const teacher = await connectTeacher(h, session.teacherToken);
    const reply = (await teacher.socket.emitWithAck('ping', { sentAt: 1, rttMs: 5 })) as {
      ok: boolean;
    };
    assert.equal(reply.ok, true);
    assert.deepEqual((await teacherSync(teacher.socket)).presence, {});
  });

  it("a student's SessionClient measures and reports by itself", async () => {
    const session = await createSession(h, EVERY_KIND_DECK);
    const teacher = socketClient(h.url);
    const student = socketClient(h.url);
    try {
      teacher.connectAsTeacher(session.teacherToken);
      student.joinWithCode(session.joinCode, 'Grace');
      const { studentId } = await waitFor(
        student,
        (s) => s.status === 'connected' && s.studentId !== null,
      );
      const state = await waitFor(
        teacher,
        (s) => typeof s.teacher?.presence[studentId!]?.rttMs === 'number',
      );
      const rtt = state.teacher!.presence[studentId!]!.rttMs!;
      assert.ok(rtt >= 0 && rtt < 5_000, String(rtt));
    } finally {
      student.close();
      teacher.close();
    }
  });
});

describe('PresenceTracker round trips', () => {
  const track = () => {
    const clock = new ManualClock();
    const changes: Array<[string, Presence]> = [];
    const tracker = new PresenceTracker(clock, 60_000, (id, p) => changes.push([id, p]));
    return { clock, tracker, changes, last: () => changes.at(-1)?.[1] };
  };

  it('takes a report only for the transport the student is connected on', () => {
    const { tracker, last } = track();
    tracker.connected('s1', 'firebase');
    tracker.rtt('s1', 'websocket', 30);
    assert.equal(last()?.rttMs, undefined, 'a report from a transport the student left');
    tracker.rtt('s1', 'firebase', 80);
    assert.equal(last()?.rttMs, 80);
    tracker.rtt('nobody', 'firebase', 80);
  });

  it('forgets it when the student moves to another transport or leaves', () => {
    const { clock, tracker, last } = track();
    tracker.connected('s1', 'firebase');
    tracker.rtt('s1', 'firebase', 80);
    tracker.connected('s1', 'websocket');
    assert.deepEqual([last()?.transport, last()?.rttMs], ['websocket', undefined]);
    clock.advance(RTT_REPORT_MIN_INTERVAL_MS);
    tracker.rtt('s1', 'websocket', 12);
    assert.equal(last()?.rttMs, 12);
    tracker.disconnected('s1');
    tracker.disconnected('s1');
    assert.deepEqual([last()?.status, last()?.rttMs], ['reconnecting', undefined]);
    assert.equal(tracker.get('s1')?.rttMs, undefined);
  });
});
