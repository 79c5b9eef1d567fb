import {
  isInClass,
  type HealthReport,
  type HealthStudent,
  type SessionState,
} from '../../protocol/index.ts';
import type { HealthRecord, HealthRecordOf } from './records.ts';

/** The reason given to socket connections that were open when another process took over. */
export const RESTART_REASON = 'server restarted';
/** A Firebase connection replaced by a newer one the server saw (it missed the drop). */
const FIREBASE_UNSEEN_REASON = 'not seen by a server';

interface Connection {
  studentId: string;
  transport: string;
  process: string | null;
  open: boolean;
  /** Open when a new process loaded the session: cut by the restart unless it shows up alive. */
  inDoubt: boolean;
}

interface StudentTally {
  connections: number;
  disconnects: number;
  transports: Set<string>;
  reasons: Map<string, number>;
}

interface AnswerTally {
  studentId: string;
  slideId: string;
  answerId: string;
  transport: string;
  acknowledgedAt: number;
  acks: number;
  offline: boolean;
  deliveryMs: number | null;
  serverMs: number | null;
  refused: boolean;
}

/**
 * The health report of one session, from its durable state (as the store holds it now) and its
 * health records in the order they were written. Pure: the HTTP edge loads both and calls this.
 */
export function buildHealthReport(
  state: SessionState,
  records: readonly HealthRecord[],
  unreadable: number,
  now: number,
): HealthReport {
  const students = new Map<string, StudentTally>();
  const tally = (studentId: string): StudentTally => {
    let t = students.get(studentId);
    if (!t) {
      t = { connections: 0, disconnects: 0, transports: new Set(), reasons: new Map() };
      students.set(studentId, t);
    }
    return t;
  };
  const connections = new Map<string, Connection>();
  /** The open Firebase connection of each student (one presence node each). */
  const firebaseOpen = new Map<string, string>();
  const answers = new Map<string, AnswerTally>();
  const restarts: HealthReport['restarts'] = [];
  let lastProcess: string | null = null;

  const end = (key: string, c: Connection, reason: string) => {
    c.open = false;
    c.inDoubt = false;
    if (c.transport === 'firebase' && firebaseOpen.get(c.studentId) === key)
      firebaseOpen.delete(c.studentId);
    const t = tally(c.studentId);
    t.disconnects++;
    t.reasons.set(reason, (t.reasons.get(reason) ?? 0) + 1);
  };

  for (const record of records) {
    switch (record.k) {
      case 'created':
        lastProcess = record.process;
        break;
      case 'loaded':
        // A load after the session ended (someone opened its report) is no restart it lived through.
        if (
          lastProcess !== null &&
          record.process !== lastProcess &&
          (state.endedAt === null || record.at <= state.endedAt)
        ) {
          restarts.push({ at: record.at, process: record.process });
          for (const c of connections.values()) {
            if (c.open && c.transport !== 'firebase' && c.process !== record.process)
              c.inDoubt = true;
          }
        }
        lastProcess = record.process;
        break;
      case 'open': {
        const existing = connections.get(record.connection);
        // Seen again (a Firebase presence re-read after a load): the same connection.
        if (existing?.open) break;
        if (record.transport === 'firebase') {
          const previous = firebaseOpen.get(record.studentId);
          const old = previous === undefined ? undefined : connections.get(previous);
          if (previous !== undefined && old?.open) end(previous, old, FIREBASE_UNSEEN_REASON);
          firebaseOpen.set(record.studentId, record.connection);
        }
        connections.set(record.connection, {
          studentId: record.studentId,
          transport: record.transport,
          process: record.process,
          open: true,
          inDoubt: false,
        });
        const t = tally(record.studentId);
        t.connections++;
        t.transports.add(record.transport);
        break;
      }
      case 'close': {
        const key =
          record.connection === 'firebase' ? firebaseOpen.get(record.studentId) : record.connection;
        const c = key === undefined ? undefined : connections.get(key);
        if (key !== undefined && c?.open) end(key, c, record.reason);
        break;
      }
      case 'upgrade': {
        const c = connections.get(record.connection);
        if (c) {
          c.transport = record.transport;
          tally(c.studentId).transports.add(record.transport);
        }
        break;
      }
      case 'reattach': {
        const c = connections.get(record.connection);
        if (c) {
          c.inDoubt = false;
          c.process = record.process;
        }
        break;
      }
      case 'ack':
        countAck(answers, record);
        break;
      case 'db-ack':
        countDbAck(answers, record);
        break;
    }
  }
  for (const [key, c] of connections) if (c.open && c.inDoubt) end(key, c, RESTART_REASON);

  // The stored check, against the state as stored.
  const missing: HealthReport['storedCheck']['missing'] = [];
  let stored = 0;
  let removedByTeacher = 0;
  const slideNumber = new Map(state.deck.slides.map((s, i) => [s.id, i + 1]));
  for (const a of answers.values()) {
    const student = state.students[a.studentId];
    if (state.responses[a.slideId]?.[a.studentId]?.answerIds.includes(a.answerId)) stored++;
    else if (student?.removed) removedByTeacher++;
    else
      missing.push({
        answerId: a.answerId,
        studentId: a.studentId,
        name: student?.name ?? 'Unknown student',
        slideId: a.slideId,
        slideNumber: slideNumber.get(a.slideId) ?? null,
        acknowledgedAt: a.acknowledgedAt,
        transport: a.transport,
      });
  }
  let storedWithoutAck = 0;
  for (const [slideId, bySlide] of Object.entries(state.responses)) {
    for (const [studentId, response] of Object.entries(bySlide)) {
      for (const answerId of response.answerIds)
        if (!answers.has(answerKey(studentId, slideId, answerId))) storedWithoutAck++;
    }
  }

  // Per student, every student who joined (and anyone the records name).
  const byStudent = new Map<string, AnswerTally[]>();
  for (const a of answers.values()) {
    const list = byStudent.get(a.studentId) ?? [];
    list.push(a);
    byStudent.set(a.studentId, list);
  }
  const ids = new Set([...Object.keys(state.students), ...students.keys(), ...byStudent.keys()]);
  const rows: HealthStudent[] = [...ids].map((studentId) => {
    const record = state.students[studentId];
    const t = students.get(studentId);
    const own = byStudent.get(studentId) ?? [];
    const delivery = own.flatMap((a) => (a.deliveryMs === null ? [] : [a.deliveryMs]));
    return {
      studentId,
      name: record?.name ?? 'Unknown student',
      joinedAt: record?.joinedAt ?? 0,
      removed: record?.removed ?? false,
      connections: t?.connections ?? 0,
      disconnects: t?.disconnects ?? 0,
      reconnects: Math.max(0, (t?.connections ?? 0) - 1),
      transports: [...(t?.transports ?? [])],
      disconnectReasons: Object.fromEntries(t?.reasons ?? []),
      answers: own.length,
      queuedOffline: own.filter((a) => a.offline).length,
      resent: own.filter((a) => a.acks > 1).length,
      deliveryP50Ms: percentile(delivery, 50),
      deliveryP95Ms: percentile(delivery, 95),
    };
  });
  rows.sort((a, b) => a.name.localeCompare(b.name) || a.studentId.localeCompare(b.studentId));

  const all = [...answers.values()];
  const delivery = all.flatMap((a) => (a.deliveryMs === null ? [] : [a.deliveryMs]));
  const server = all.flatMap((a) => (a.serverMs === null ? [] : [a.serverMs]));
  const transportNames = new Set([
    ...[...connections.values()].map((c) => c.transport),
    ...all.map((a) => a.transport),
  ]);
  const transports = [...transportNames].sort().map((transport) => {
    const own = all.filter((a) => a.transport === transport);
    const times = own.flatMap((a) => (a.deliveryMs === null ? [] : [a.deliveryMs]));
    return {
      transport,
      connections: [...connections.values()].filter((c) => c.transport === transport).length,
      answers: own.length,
      deliveryP50Ms: percentile(times, 50),
      deliveryP95Ms: percentile(times, 95),
    };
  });
  const sum = (pick: (s: HealthStudent) => number) => rows.reduce((n, s) => n + pick(s), 0);

  return {
    ok: true,
    sessionId: state.id,
    title: state.deck.title,
    joinCode: state.joinCode,
    status: state.status,
    createdAt: state.createdAt,
    endedAt: state.endedAt,
    generatedAt: now,
    totals: {
      students: Object.values(state.students).filter(isInClass).length,
      joins: Object.keys(state.students).length,
      connections: sum((s) => s.connections),
      disconnects: sum((s) => s.disconnects),
      reconnects: sum((s) => s.reconnects),
      answers: all.length,
      queuedOffline: sum((s) => s.queuedOffline),
      resent: sum((s) => s.resent),
      restarts: restarts.length,
    },
    delivery: {
      measured: delivery.length,
      unmeasured: all.length - delivery.length,
      p50Ms: percentile(delivery, 50),
      p95Ms: percentile(delivery, 95),
      maxMs: largest(delivery),
      serverMeasured: server.length,
      serverP50Ms: percentile(server, 50),
      serverP95Ms: percentile(server, 95),
    },
    transports,
    storedCheck: {
      acknowledged: answers.size,
      stored,
      missing,
      removedByTeacher,
      storedWithoutAck,
    },
    restarts,
    notes: notes(state, records, all, unreadable),
    students: rows,
  };
}

const answerKey = (studentId: string, slideId: string, answerId: string) =>
  `${studentId}\u0000${slideId}\u0000${answerId}`;

function countAck(answers: Map<string, AnswerTally>, r: HealthRecordOf<'ack'>): void {
  const key = answerKey(r.studentId, r.slideId, r.answerId);
  const serverMs = Math.max(0, r.at - r.receivedAt);
  // The last acknowledgement is the one the student saw: a client resends only when it did not
  // get the earlier one (the process stopped, the network dropped).
  const latest = {
    transport: r.transport,
    serverMs,
    deliveryMs: r.queuedMs === undefined ? null : r.queuedMs + serverMs,
  };
  const existing = answers.get(key);
  if (existing) {
    existing.acks++;
    existing.offline ||= r.offline === true;
    Object.assign(existing, latest);
    return;
  }
  answers.set(key, {
    studentId: r.studentId,
    slideId: r.slideId,
    answerId: r.answerId,
    acknowledgedAt: r.at,
    acks: 1,
    offline: r.offline === true,
    refused: false,
    ...latest,
  });
}

function countDbAck(answers: Map<string, AnswerTally>, r: HealthRecordOf<'db-ack'>): void {
  const key = answerKey(r.studentId, r.slideId, r.answerId);
  // The same write seen again (after a load) is one acknowledgement by the database.
  if (answers.has(key)) return;
  const deliveryMs =
    r.clientCreatedAt === undefined || r.clockOffsetMs === undefined
      ? null
      : Math.max(0, r.storedAt - (r.clientCreatedAt + r.clockOffsetMs));
  answers.set(key, {
    studentId: r.studentId,
    slideId: r.slideId,
    answerId: r.answerId,
    transport: 'firebase',
    acknowledgedAt: r.storedAt,
    acks: 1,
    offline: r.offline === true,
    deliveryMs,
    serverMs: null,
    refused: r.refused !== undefined,
  });
}

/**
 * The largest value, or null without values. A loop, not `Math.max(...values)`: spreading a
 * session's hundreds of thousands of answers overflows the call stack.
 */
export function largest(values: readonly number[]): number | null {
  let max: number | null = null;
  for (const value of values) if (max === null || value > max) max = value;
  return max;
}

/** Nearest-rank percentile (a value that occurred), or null without values. */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1] ?? null;
}

function notes(
  state: SessionState,
  records: readonly HealthRecord[],
  answers: readonly AnswerTally[],
  unreadable: number,
): string[] {
  const out: string[] = [];
  const storedAnswers = Object.values(state.responses).reduce(
    (n, bySlide) => n + Object.keys(bySlide).length,
    0,
  );
  if (records.length === 0 && (storedAnswers > 0 || Object.keys(state.students).length > 0))
    out.push(
      'No health records: this session ran on a server version that did not record them yet.',
    );
  if (!records.some((r) => r.k === 'created'))
    out.push(
      'The start of the session was not recorded; restarts before the first recorded load are not counted.',
    );
  const socketUnmeasured = answers.filter(
    (a) => a.transport !== 'firebase' && a.deliveryMs === null,
  );
  if (socketUnmeasured.length > 0)
    out.push(
      `${counted(socketUnmeasured.length, 'answer')} came from pages that do not report how long they waited; only the server part of their delivery time is known.`,
    );
  const firebase = answers.filter((a) => a.transport === 'firebase');
  const firebaseUnmeasured = firebase.filter((a) => a.deliveryMs === null);
  if (firebaseUnmeasured.length > 0)
    out.push(
      `${counted(firebaseUnmeasured.length, 'answer')} on Firebase carry no send time or clock offset; their delivery time is not known.`,
    );
  if (firebase.length > 0)
    out.push(
      'Firebase: connections and drops are seen only while a server holds the session; the server part of the delivery time does not apply (the database acknowledges).',
    );
  const refused = firebase.filter((a) => a.refused).length;
  if (refused > 0)
    out.push(
      `${counted(refused, 'answer')} the database acknowledged ${refused === 1 ? 'was' : 'were'} refused by the session rules (for example a slide locked a moment before).`,
    );
  if (unreadable > 0)
    out.push(
      `${counted(unreadable, 'health record')} could not be read and ${unreadable === 1 ? 'was' : 'were'} skipped.`,
    );
  return out;
}

const counted = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;
