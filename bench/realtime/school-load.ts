/**
 * A school's sockets for the school scenario (school.ts): per class, one session created through
 * the HTTP API, its teacher, its projector (the projector page connects with the teacher's token,
 * as web's Projector does) and its students joined by code — on the bare baseline, the same
 * sockets with the class named in the handshake (bare-server.ts).
 */
import { performance } from 'node:perf_hooks';
import type { Socket } from 'socket.io-client';
import { PROTOCOL_VERSION, type DeckInput } from '../../realtime/src/protocol/index.ts';
import { open, type Student } from './load-generator.ts';
import type { ServerHandle } from './server-handle.ts';
import { createBenchSession, type BenchSession } from './sessions.ts';

/** As many sockets in flight at once as the classroom scenario (load-generator.ts). */
const CONNECT_CONCURRENCY = 400;
const CREATE_CONCURRENCY = 8;

/** Slides q1..q8, each one multiple-choice question with options a, b, c. */
export const SCHOOL_DECK: DeckInput = {
  title: 'School bench',
  slides: Array.from({ length: 8 }, (_, i) => ({
    id: `q${i + 1}`,
    title: `Question ${i + 1}`,
    question: {
      kind: 'multiple-choice' as const,
      prompt: `Question ${i + 1}: which fraction is the largest?`,
      options: [
        { id: 'a', label: '1/2' },
        { id: 'b', label: '2/3' },
        { id: 'c', label: '3/5' },
      ],
    },
  })),
};

/** When each answer id first reached a class's teacher (or projector), and how often. */
export interface Arrivals {
  firstAt: Map<string, number>;
  times: Map<string, number>;
}

export interface SchoolClass {
  index: number;
  session: BenchSession;
  teacher: Socket;
  projector: Socket;
  students: Student[];
  /** The slide the teacher last moved to (0: the first, where a session starts). */
  slideIndex: number;
}

export interface School {
  classes: SchoolClass[];
  atTeachers: Arrivals;
  atProjectors: Arrivals;
}

function record(
  arrivals: Arrivals,
  delta: { responses?: Array<{ response: { answerId: string } }> },
) {
  const now = performance.now();
  for (const { response } of delta.responses ?? []) {
    const id = response.answerId;
    arrivals.times.set(id, (arrivals.times.get(id) ?? 0) + 1);
    if (!arrivals.firstAt.has(id)) arrivals.firstAt.set(id, now);
  }
}

/** Runs `task(0..count-1)` with at most `concurrency` in flight. */
async function pool(count: number, concurrency: number, task: (i: number) => Promise<void>) {
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < count; i = next++) await task(i);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
}

/** Creates `classes` sessions, then connects every class's teacher, projector and students. */
export async function connectSchool(
  server: ServerHandle,
  classes: number,
  classSize: number,
): Promise<School> {
  const target = { mode: server.mode, url: server.url };
  const bare = server.mode === 'bare';
  const sessions = new Array<BenchSession>(classes);
  await pool(classes, CREATE_CONCURRENCY, async (c) => {
    sessions[c] = await createBenchSession(server, SCHOOL_DECK);
  });
  const atTeachers: Arrivals = { firstAt: new Map(), times: new Map() };
  const atProjectors: Arrivals = { firstAt: new Map(), times: new Map() };
  const school: School = {
    classes: sessions.map((session, index) => ({
      index,
      session,
      teacher: undefined as unknown as Socket,
      projector: undefined as unknown as Socket,
      students: new Array<Student>(classSize),
      slideIndex: 0,
    })),
    atTeachers,
    atProjectors,
  };
  const perClass = classSize + 2;
  // Seat 0 is the class's teacher, 1 its projector, the rest its students.
  await pool(classes * perClass, CONNECT_CONCURRENCY, async (i) => {
    const klass = school.classes[Math.floor(i / perClass)]!;
    const seat = i % perClass;
    const { session } = klass;
    if (seat < 2) {
      const auth = bare
        ? { role: 'teacher', classId: session.sessionId }
        : { v: PROTOCOL_VERSION, token: session.teacherToken };
      const socket = await open(target, auth, i);
      const arrivals = seat === 0 ? atTeachers : atProjectors;
      socket.on('teacher:delta', (delta: Parameters<typeof record>[1]) => record(arrivals, delta));
      if (seat === 0) klass.teacher = socket;
      else klass.projector = socket;
      return;
    }
    const auth = bare
      ? { role: 'student', classId: session.sessionId }
      : {
          v: PROTOCOL_VERSION,
          join: { code: session.joinCode, name: `Pupil ${klass.index}-${seat - 2}` },
        };
    klass.students[seat - 2] = {
      socket: await open(target, auth, i),
      sessionId: session.sessionId,
    };
  });
  return school;
}

export function closeSchool(school: School): void {
  for (const klass of school.classes) {
    klass.teacher?.close();
    klass.projector?.close();
    for (const student of klass.students) student?.socket.close();
  }
}
