import type { SessionState } from '../../protocol/index.ts';
import type { HealthRecord, HealthRecordOf } from './records.ts';

/** The reason given to socket connections that were open when another process took over. */
export const RESTART_REASON = 'server restarted';
/** A Firebase connection replaced by a newer one the server saw (it missed the drop). */
const FIREBASE_UNSEEN_REASON = 'not seen by a server';

export interface Connection {
  studentId: string;
  transport: string;
  process: string | null;
  open: boolean;
  /** Open when a new process loaded the session: cut by the restart unless it shows up alive. */
  inDoubt: boolean;
}

export interface StudentTally {
  connections: number;
  disconnects: number;
  transports: Set<string>;
  reasons: Map<string, number>;
}

export interface AnswerTally {
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

/** What the records said, folded: the health report is computed from this and the state. */
export interface HealthTallies {
  students: Map<string, StudentTally>;
  connections: Map<string, Connection>;
  answers: Map<string, AnswerTally>;
  restarts: Array<{ at: number; process: string }>;
  /** Records folded in (the report notes a session without any). */
  records: number;
  /** Whether the session's creation was recorded. */
  sawCreated: boolean;
}

export const answerKey = (studentId: string, slideId: string, answerId: string) =>
  `${studentId}\u0000${slideId}\u0000${answerId}`;

/**
 * Folds a session's health records, in the order they were written, one at a time: a session's
 * million records are read a stored batch at a time and never held at once. The same ids repeat
 * in every record (each parsed from its own JSON), so they are kept once (`same`).
 */
export function createHealthTally(state: SessionState): {
  add(record: HealthRecord): void;
  finish(): HealthTallies;
} {
  const students = new Map<string, StudentTally>();
  const connections = new Map<string, Connection>();
  /** The open Firebase connection of each student (one presence node each). */
  const firebaseOpen = new Map<string, string>();
  const answers = new Map<string, AnswerTally>();
  const restarts: HealthTallies['restarts'] = [];
  const strings = new Map<string, string>();
  const same = (text: string): string => {
    const known = strings.get(text);
    if (known !== undefined) return known;
    strings.set(text, text);
    return text;
  };
  let lastProcess: string | null = null;
  let records = 0;
  let sawCreated = false;

  const tally = (studentId: string): StudentTally => {
    let t = students.get(studentId);
    if (!t) {
      t = { connections: 0, disconnects: 0, transports: new Set(), reasons: new Map() };
      students.set(studentId, t);
    }
    return t;
  };
  const end = (key: string, c: Connection, reason: string) => {
    c.open = false;
    c.inDoubt = false;
    if (c.transport === 'firebase' && firebaseOpen.get(c.studentId) === key)
      firebaseOpen.delete(c.studentId);
    const t = tally(c.studentId);
    t.disconnects++;
    t.reasons.set(reason, (t.reasons.get(reason) ?? 0) + 1);
  };

  const add = (record: HealthRecord): void => {
    records++;
    switch (record.k) {
      case 'created':
        sawCreated = true;
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
          studentId: same(record.studentId),
          transport: same(record.transport),
          process: same(record.process),
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
          c.transport = same(record.transport);
          tally(c.studentId).transports.add(record.transport);
        }
        break;
      }
      case 'reattach': {
        const c = connections.get(record.connection);
        if (c) {
          c.inDoubt = false;
          c.process = same(record.process);
        }
        break;
      }
      case 'ack':
        countAck(answers, record, same);
        break;
      case 'db-ack':
        countDbAck(answers, record, same);
        break;
    }
  };

  return {
    add,
    finish() {
      for (const [key, c] of connections) if (c.open && c.inDoubt) end(key, c, RESTART_REASON);
      return { students, connections, answers, restarts, records, sawCreated };
    },
  };
}

function countAck(
  answers: Map<string, AnswerTally>,
  r: HealthRecordOf<'ack'>,
  same: (text: string) => string,
): void {
  const key = answerKey(r.studentId, r.slideId, r.answerId);
  const serverMs = Math.max(0, r.at - r.receivedAt);
  // The last acknowledgement is the one the student saw: a client resends only when it did not
  // get the earlier one (the process stopped, the network dropped).
  const deliveryMs = r.queuedMs === undefined ? null : r.queuedMs + serverMs;
  const existing = answers.get(key);
  if (existing) {
    existing.acks++;
    existing.offline ||= r.offline === true;
    existing.transport = same(r.transport);
    existing.serverMs = serverMs;
    existing.deliveryMs = deliveryMs;
    return;
  }
  answers.set(key, {
    studentId: same(r.studentId),
    slideId: same(r.slideId),
    answerId: r.answerId,
    acknowledgedAt: r.at,
    acks: 1,
    offline: r.offline === true,
    refused: false,
    transport: same(r.transport),
    serverMs,
    deliveryMs,
  });
}

function countDbAck(
  answers: Map<string, AnswerTally>,
  r: HealthRecordOf<'db-ack'>,
  same: (text: string) => string,
): void {
  const key = answerKey(r.studentId, r.slideId, r.answerId);
  // The same write seen again (after a load) is one acknowledgement by the database.
  if (answers.has(key)) return;
  const deliveryMs =
    r.clientCreatedAt === undefined || r.clockOffsetMs === undefined
      ? null
      : Math.max(0, r.storedAt - (r.clientCreatedAt + r.clockOffsetMs));
  answers.set(key, {
    studentId: same(r.studentId),
    slideId: same(r.slideId),
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
