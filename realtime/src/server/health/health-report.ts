import {
  isInClass,
  type HealthNote,
  type HealthReport,
  type HealthStudent,
  type SessionState,
} from '../../protocol/index.ts';
import {
  answerKey,
  createHealthTally,
  type AnswerTally,
  type HealthTallies,
} from './health-tally.ts';
import { healthRecordSchema, type HealthRecord } from './records.ts';

/**
 * The health report of one session, from its durable state (as the store holds it now) and its
 * health records in the order they were written. Pure: the HTTP edge loads both and calls this.
 */
export function buildHealthReport(
  state: SessionState,
  records: Iterable<HealthRecord>,
  unreadable: number,
  now: number,
): HealthReport {
  const tally = createHealthTally(state);
  for (const record of records) tally.add(record);
  return reportOf(state, tally.finish(), unreadable, now);
}

/**
 * The same report from stored batches of raw records as a store reads them (one batch at a time,
 * each record checked with zod and folded in at once): memory grows with the session's answers,
 * never with its records. Unreadable records are skipped and counted.
 */
export async function healthReportFromBatches(
  state: SessionState,
  batches: AsyncIterable<readonly unknown[]> | Iterable<readonly unknown[]>,
  now: number,
): Promise<HealthReport> {
  const tally = createHealthTally(state);
  let unreadable = 0;
  for await (const batch of batches) {
    for (const raw of batch) {
      const parsed = healthRecordSchema.safeParse(raw);
      if (parsed.success) tally.add(parsed.data);
      else unreadable++;
    }
  }
  return reportOf(state, tally.finish(), unreadable, now);
}

/** Delivery times of answers, kept compactly (a million of them sort in native code). */
class Times {
  private values = new Float64Array(1024);
  length = 0;
  push(value: number | null): void {
    if (value === null) return;
    if (this.length === this.values.length) {
      const grown = new Float64Array(this.values.length * 2);
      grown.set(this.values);
      this.values = grown;
    }
    this.values[this.length++] = value;
  }
  /** Sorted ascending, for percentiles. */
  sorted(): Float64Array {
    return this.values.slice(0, this.length).sort();
  }
}

function reportOf(
  state: SessionState,
  tallies: HealthTallies,
  unreadable: number,
  now: number,
): HealthReport {
  const { students, connections, answers, restarts } = tallies;

  // The stored check, against the state as stored; per-student and per-transport figures, in
  // the same pass over the answers.
  const missing: HealthReport['storedCheck']['missing'] = [];
  let stored = 0;
  let removedByTeacher = 0;
  const slideNumber = new Map(state.deck.slides.map((s, i) => [s.id, i + 1]));
  const byStudent = new Map<string, StudentAnswers>();
  const byTransport = new Map<string, { answers: number; delivery: Times }>();
  const delivery = new Times();
  const server = new Times();
  const seen = { socketUnmeasured: 0, firebase: 0, firebaseUnmeasured: 0, refused: 0 };
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
    studentAnswers(byStudent, a.studentId).add(a);
    let transport = byTransport.get(a.transport);
    if (!transport) {
      transport = { answers: 0, delivery: new Times() };
      byTransport.set(a.transport, transport);
    }
    transport.answers++;
    transport.delivery.push(a.deliveryMs);
    delivery.push(a.deliveryMs);
    server.push(a.serverMs);
    countForNotes(seen, a);
  }
  let storedWithoutAck = 0;
  for (const [slideId, bySlide] of Object.entries(state.responses)) {
    for (const [studentId, response] of Object.entries(bySlide)) {
      for (const answerId of response.answerIds)
        if (!answers.has(answerKey(studentId, slideId, answerId))) storedWithoutAck++;
    }
  }

  // Per student, every student who joined (and anyone the records name).
  const ids = new Set([...Object.keys(state.students), ...students.keys(), ...byStudent.keys()]);
  const rows: HealthStudent[] = [];
  for (const studentId of ids) {
    const record = state.students[studentId];
    const t = students.get(studentId);
    const own = byStudent.get(studentId);
    const times = own?.delivery.sorted() ?? new Float64Array(0);
    rows.push({
      studentId,
      name: record?.name ?? 'Unknown student',
      joinedAt: record?.joinedAt ?? 0,
      removed: record?.removed ?? false,
      connections: t?.connections ?? 0,
      disconnects: t?.disconnects ?? 0,
      reconnects: Math.max(0, (t?.connections ?? 0) - 1),
      transports: [...(t?.transports ?? [])],
      disconnectReasons: Object.fromEntries(t?.reasons ?? []),
      answers: own?.answers ?? 0,
      queuedOffline: own?.queuedOffline ?? 0,
      resent: own?.resent ?? 0,
      deliveryP50Ms: sortedPercentile(times, 50),
      deliveryP95Ms: sortedPercentile(times, 95),
    });
  }
  rows.sort((a, b) => a.name.localeCompare(b.name) || a.studentId.localeCompare(b.studentId));

  const connectionsByTransport = new Map<string, number>();
  for (const c of connections.values())
    connectionsByTransport.set(c.transport, (connectionsByTransport.get(c.transport) ?? 0) + 1);
  const transportNames = new Set([...connectionsByTransport.keys(), ...byTransport.keys()]);
  const transports = [...transportNames].sort().map((transport) => {
    const own = byTransport.get(transport);
    const times = own?.delivery.sorted() ?? new Float64Array(0);
    return {
      transport,
      connections: connectionsByTransport.get(transport) ?? 0,
      answers: own?.answers ?? 0,
      deliveryP50Ms: sortedPercentile(times, 50),
      deliveryP95Ms: sortedPercentile(times, 95),
    };
  });
  const sum = (pick: (s: HealthStudent) => number) => rows.reduce((n, s) => n + pick(s), 0);
  const deliverySorted = delivery.sorted();
  const serverSorted = server.sorted();
  const noteCodes = notes(state, tallies, seen, unreadable);

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
      answers: answers.size,
      queuedOffline: sum((s) => s.queuedOffline),
      resent: sum((s) => s.resent),
      restarts: restarts.length,
    },
    delivery: {
      measured: delivery.length,
      unmeasured: answers.size - delivery.length,
      p50Ms: sortedPercentile(deliverySorted, 50),
      p95Ms: sortedPercentile(deliverySorted, 95),
      maxMs: deliverySorted.length === 0 ? null : deliverySorted[deliverySorted.length - 1]!,
      serverMeasured: server.length,
      serverP50Ms: sortedPercentile(serverSorted, 50),
      serverP95Ms: sortedPercentile(serverSorted, 95),
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
    notes: noteCodes.map(noteText),
    noteCodes,
    students: rows,
  };
}

interface StudentAnswers {
  answers: number;
  queuedOffline: number;
  resent: number;
  delivery: Times;
  add(a: AnswerTally): void;
}

function studentAnswers(byStudent: Map<string, StudentAnswers>, id: string): StudentAnswers {
  let own = byStudent.get(id);
  if (!own) {
    const s: StudentAnswers = {
      answers: 0,
      queuedOffline: 0,
      resent: 0,
      delivery: new Times(),
      add(a) {
        s.answers++;
        if (a.offline) s.queuedOffline++;
        if (a.acks > 1) s.resent++;
        s.delivery.push(a.deliveryMs);
      },
    };
    own = s;
    byStudent.set(id, own);
  }
  return own;
}

interface NoteCounts {
  socketUnmeasured: number;
  firebase: number;
  firebaseUnmeasured: number;
  refused: number;
}

function countForNotes(seen: NoteCounts, a: AnswerTally): void {
  if (a.transport !== 'firebase') {
    if (a.deliveryMs === null) seen.socketUnmeasured++;
    return;
  }
  seen.firebase++;
  if (a.deliveryMs === null) seen.firebaseUnmeasured++;
  if (a.refused) seen.refused++;
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
  return sortedPercentile(Float64Array.from(values).sort(), p);
}

/** `percentile` of values already sorted ascending. */
function sortedPercentile(sorted: Float64Array, p: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1] ?? null;
}

function notes(
  state: SessionState,
  tallies: HealthTallies,
  seen: NoteCounts,
  unreadable: number,
): HealthNote[] {
  const out: HealthNote[] = [];
  const storedAnswers = Object.values(state.responses).reduce(
    (n, bySlide) => n + Object.keys(bySlide).length,
    0,
  );
  if (tallies.records === 0 && (storedAnswers > 0 || Object.keys(state.students).length > 0))
    out.push({ code: 'no_records' });
  if (!tallies.sawCreated) out.push({ code: 'start_not_recorded' });
  if (seen.socketUnmeasured > 0)
    out.push({ code: 'socket_unmeasured', count: seen.socketUnmeasured });
  if (seen.firebaseUnmeasured > 0)
    out.push({ code: 'firebase_unmeasured', count: seen.firebaseUnmeasured });
  if (seen.firebase > 0) out.push({ code: 'firebase_partial' });
  if (seen.refused > 0) out.push({ code: 'refused', count: seen.refused });
  if (unreadable > 0) out.push({ code: 'unreadable', count: unreadable });
  return out;
}

/** A note in English: the report's `notes` (its JSON download, and older pages). */
function noteText({ code, count = 0 }: HealthNote): string {
  switch (code) {
    case 'no_records':
      return 'No health records: this session ran on a server version that did not record them yet.';
    case 'start_not_recorded':
      return 'The start of the session was not recorded; restarts before the first recorded load are not counted.';
    case 'socket_unmeasured':
      return `${counted(count, 'answer')} came from pages that do not report how long they waited; only the server part of their delivery time is known.`;
    case 'firebase_unmeasured':
      return `${counted(count, 'answer')} on Firebase carry no send time or clock offset; their delivery time is not known.`;
    case 'firebase_partial':
      return 'Firebase: connections and drops are seen only while a server holds the session; the server part of the delivery time does not apply (the database acknowledges).';
    case 'refused':
      return `${counted(count, 'answer')} the database acknowledged ${count === 1 ? 'was' : 'were'} refused by the session rules (for example a slide locked a moment before).`;
    case 'unreadable':
      return `${counted(count, 'health record')} could not be read and ${count === 1 ? 'was' : 'were'} skipped.`;
  }
}

const counted = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;
