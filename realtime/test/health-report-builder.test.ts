/**
 * The health report's arithmetic on hand-written records, for what the real-server tests do not
 * reach: a failover where connections live on (cluster), a Firebase drop no server saw, a load
 * after the session ended, a removed student, revisions, and the percentile rule.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { apply, type Envelope } from '../src/engine/index.ts';
import { deckSchema, type SessionState } from '../src/protocol/index.ts';
import { buildHealthReport, largest, percentile } from '../src/server/health/health-report.ts';
import type { HealthRecord } from '../src/server/health/records.ts';
import { answerFor, EVERY_KIND_DECK } from './support/classroom.ts';

function session(): SessionState {
  let state: SessionState | null = null;
  const run = (envelope: Envelope, now: number) => {
    const r = apply(state, envelope, now);
    assert.ok(r.ok, JSON.stringify(r));
    state = r.state;
  };
  run(
    {
      actor: { role: 'teacher', teacherId: 't' },
      command: {
        type: 'createSession',
        sessionId: 's1',
        joinCode: 'ABCDEF',
        deck: deckSchema.parse(EVERY_KIND_DECK),
        settings: { pacing: 'instructor', latePolicy: 'allow' },
      },
    },
    1_000,
  );
  for (const id of ['a', 'b', 'c'])
    run({ actor: { role: 'student', studentId: id }, command: { type: 'join', name: id } }, 1_100);
  const answer = (studentId: string, answerId: string, i: number) =>
    run(
      {
        actor: { role: 'student', studentId },
        command: {
          type: 'submitAnswer',
          slideId: 'mc',
          answerId,
          answer: answerFor('multiple-choice', i),
        },
      },
      2_000,
    );
  answer('a', 'answer-a-1', 0);
  answer('a', 'answer-a-2', 1); // a revision: the first stays stored as an earlier one
  answer('b', 'answer-b-1', 2);
  answer('c', 'answer-c-1', 0);
  run(
    {
      actor: { role: 'teacher', teacherId: 't' },
      command: { type: 'removeStudent', studentId: 'c' },
    },
    3_000,
  );
  run({ actor: { role: 'teacher', teacherId: 't' }, command: { type: 'endSession' } }, 9_000);
  return state!;
}

const ack = (studentId: string, answerId: string, at: number, extra: Partial<HealthRecord> = {}) =>
  ({
    k: 'ack',
    at,
    receivedAt: at - 2,
    studentId,
    slideId: 'mc',
    answerId,
    transport: 'websocket',
    duplicate: false,
    queuedMs: 10,
    offline: false,
    attempt: 1,
    ...extra,
  }) as HealthRecord;

describe('buildHealthReport', () => {
  it('tells connections that lived through a failover from ones the restart cut', () => {
    const records: HealthRecord[] = [
      { k: 'created', at: 1_000, process: 'p1' },
      {
        k: 'open',
        at: 1_200,
        studentId: 'a',
        connection: 'sa',
        transport: 'polling',
        process: 'p1',
      },
      { k: 'upgrade', at: 1_210, studentId: 'a', connection: 'sa', transport: 'websocket' },
      {
        k: 'open',
        at: 1_200,
        studentId: 'b',
        connection: 'sb',
        transport: 'websocket',
        process: 'p1',
      },
      {
        k: 'open',
        at: 1_300,
        studentId: 'c',
        connection: 'firebase:1300',
        transport: 'firebase',
        process: 'p1',
      },
      // p2 takes over: a's socket (on a surviving peer) is re-announced; b's was on p1 and died.
      { k: 'loaded', at: 5_000, process: 'p2', seq: 9 },
      { k: 'reattach', at: 5_001, studentId: 'a', connection: 'sa', process: 'p2' },
      {
        k: 'open',
        at: 5_500,
        studentId: 'b',
        connection: 'sb2',
        transport: 'websocket',
        process: 'p2',
      },
      // c's Firebase presence was seen again after the load (the same connection), then a new
      // connection whose drop no server saw in between.
      {
        k: 'open',
        at: 1_300,
        studentId: 'c',
        connection: 'firebase:1300',
        transport: 'firebase',
        process: 'p2',
      },
      {
        k: 'open',
        at: 6_000,
        studentId: 'c',
        connection: 'firebase:6000',
        transport: 'firebase',
        process: 'p2',
      },
      { k: 'close', at: 7_000, studentId: 'c', connection: 'firebase', reason: 'connection lost' },
      ack('a', 'answer-a-1', 2_000),
      ack('a', 'answer-a-2', 2_100, { offline: true, queuedMs: 900 }),
      ack('b', 'answer-b-1', 2_000),
      ack('b', 'answer-b-1', 5_600, { duplicate: true, attempt: 2, queuedMs: 3_000 }),
      {
        k: 'db-ack',
        at: 2_050,
        storedAt: 2_000,
        studentId: 'c',
        slideId: 'mc',
        answerId: 'answer-c-1',
        clientCreatedAt: 1_950,
        clockOffsetMs: 20,
        queuedMs: 5,
        offline: false,
        attempt: 1,
      },
      // Someone opened the report the next day: a load after the end is no restart.
      { k: 'loaded', at: 99_000, process: 'p3', seq: 12 },
    ];
    const report = buildHealthReport(session(), records, 0, 100_000);
    const row = (id: string) => report.students.find((s) => s.studentId === id)!;

    assert.equal(report.totals.restarts, 1);
    assert.deepEqual(report.restarts, [{ at: 5_000, process: 'p2' }]);
    assert.deepEqual(
      [row('a').connections, row('a').disconnects, row('a').transports],
      [1, 0, ['polling', 'websocket']],
    );
    assert.deepEqual(
      [row('b').connections, row('b').disconnects, row('b').disconnectReasons],
      [2, 1, { 'server restarted': 1 }],
    );
    assert.deepEqual(
      [row('c').connections, row('c').disconnects, row('c').disconnectReasons],
      [2, 2, { 'not seen by a server': 1, 'connection lost': 1 }],
    );
    assert.equal(row('c').removed, true);

    // b's answer was acknowledged twice: the second (after the failover) is what b saw.
    assert.equal(row('b').resent, 1);
    assert.equal(row('b').deliveryP50Ms, 3_002);
    assert.equal(row('a').queuedOffline, 1);
    assert.equal(row('a').deliveryP95Ms, 902);
    // Firebase: the database's time minus the press of Submit on the server's clock.
    assert.equal(row('c').deliveryP50Ms, 30);
    assert.deepEqual(report.storedCheck, {
      acknowledged: 4,
      stored: 3,
      missing: [],
      removedByTeacher: 1,
      storedWithoutAck: 0,
    });
    assert.deepEqual(
      report.transports.map((t) => [t.transport, t.connections, t.answers]),
      [
        ['firebase', 2, 1],
        ['websocket', 3, 3],
      ],
    );
  });

  it('uses the nearest-rank percentile (a value that occurred)', () => {
    assert.equal(percentile([], 50), null);
    assert.equal(percentile([7], 95), 7);
    assert.equal(percentile([5, 1, 3, 2, 4], 50), 3);
    assert.equal(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 95), 10);
    assert.equal(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 50), 5);
  });
});

describe('health report arithmetic at scale', () => {
  it('takes the largest and the percentiles of a million delivery times without overflowing', () => {
    const times = Array.from({ length: 1_000_000 }, (_, i) => (i * 7919) % 1_000_003);
    assert.equal(
      largest(times),
      times.reduce((a, b) => (b > a ? b : a)),
    );
    assert.equal(largest([]), null);
    assert.equal(percentile(times, 100), largest(times));
  });
});
