import { performance } from 'node:perf_hooks';
import { io, type Socket } from 'socket.io-client';
import { PROTOCOL_VERSION } from '../../realtime/src/protocol/index.ts';
import type { ServerMode } from './server-handle.ts';

/** Loopback source addresses: each has its own ~28k ephemeral ports. */
const SOURCE_ADDRESSES = Array.from({ length: 8 }, (_, i) => `127.0.0.${i + 2}`);
const CONNECT_CONCURRENCY = 400;

export interface Student {
  socket: Socket;
  sessionId: string;
}

export interface Target {
  mode: ServerMode;
  url: string;
}

/** One socket that has been welcomed; `index` spreads sockets over the source addresses. */
export function open(target: Target, auth: object, index: number): Promise<Socket> {
  const socket = io(target.url, {
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
    auth,
    // Passed through to `ws`; not in socket.io-client's option types.
    ...({ localAddress: SOURCE_ADDRESSES[index % SOURCE_ADDRESSES.length] } as object),
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no welcome within 60 s')), 60_000);
    socket.once('session:welcome', () => {
      clearTimeout(timer);
      resolve(socket);
    });
    socket.once('connect_error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
}

/** Joins `count` students (one socket each) to the session with `joinCode`, 400 at a time. */
export async function joinStudents(
  target: Target,
  session: { sessionId: string; joinCode: string },
  count: number,
  namePrefix: string,
): Promise<Student[]> {
  const students: Student[] = new Array<Student>(count);
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < count; i = next++) {
      const auth =
        target.mode === 'bare'
          ? { role: 'student' }
          : { v: PROTOCOL_VERSION, join: { code: session.joinCode, name: `${namePrefix} ${i}` } };
      students[i] = { socket: await open(target, auth, i), sessionId: session.sessionId };
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONNECT_CONCURRENCY, count) }, worker));
  return students;
}

/** The teacher's socket: when each answer id first reached it, and how often. */
export interface TeacherTap {
  socket: Socket;
  receivedAt: Map<string, number>;
  receivedTimes: Map<string, number>;
}

export async function connectTeacher(target: Target, teacherToken: string): Promise<TeacherTap> {
  const auth =
    target.mode === 'bare' ? { role: 'teacher' } : { v: PROTOCOL_VERSION, token: teacherToken };
  const socket = await open(target, auth, 0);
  const tap: TeacherTap = { socket, receivedAt: new Map(), receivedTimes: new Map() };
  socket.on('teacher:delta', (delta: { responses?: Array<{ response: { answerId: string } }> }) => {
    const now = performance.now();
    for (const { response } of delta.responses ?? []) {
      const id = response.answerId;
      tap.receivedTimes.set(id, (tap.receivedTimes.get(id) ?? 0) + 1);
      if (!tap.receivedAt.has(id)) tap.receivedAt.set(id, now);
    }
  });
  return tap;
}

export interface SentAnswer {
  answerId: string;
  sentAt: number;
  ackedAt: number | null;
  ok: boolean;
}

/** Emits one multiple-choice answer and records when it was sent and acknowledged. */
export function submit(
  student: Student,
  answerId: string,
  optionId: string,
  slideId = 'q1',
): SentAnswer {
  const sent: SentAnswer = { answerId, sentAt: performance.now(), ackedAt: null, ok: false };
  student.socket.timeout(30_000).emit(
    'student:submit',
    {
      sessionId: student.sessionId,
      slideId,
      answerId,
      answer: { kind: 'multiple-choice', optionIds: [optionId] },
    },
    (error: Error | null, ack: { ok?: boolean } | undefined) => {
      sent.ackedAt = performance.now();
      sent.ok = error === null && ack?.ok === true;
    },
  );
  return sent;
}

export function closeAll(sockets: Iterable<{ socket: Socket }>): void {
  for (const { socket } of sockets) socket.close();
}
