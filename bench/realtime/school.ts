/**
 * The school scenario of `npm run bench:realtime` (alone: `BENCH_SCENARIO=school`): a pod's worth
 * of small classes on one server process rather than one giant class.
 *
 *   1. connect: BENCH_SCHOOL_CLASSES classes (600), each a session created through the HTTP API
 *      with its teacher, its projector and 30 students joined by code (school-load.ts);
 *   2. steady state for BENCH_SCHOOL_SECONDS (30): every 2 s the next classes' teachers move on
 *      (a real `goToSlide` command, acknowledged) and, once it is acknowledged, each of those
 *      classes' students answers the new slide at a random moment within 5 s. Enough classes
 *      move on per tick that BENCH_SCHOOL_ANSWERING percent (20) of all classes are answering
 *      at any moment: 20% × 600 × 2 s / 5 s = 48 classes per tick, ~720 answers/s.
 *
 * Latency is student emit → ack and student emit → that class's teacher receiving the answer (the
 * projector is checked for losses too). Every acknowledged answer must reach its teacher and
 * projector exactly once and, for ours, be in the session's stored state.
 */
import { writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { performance, type ELDHistogram } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import type { ServerStats } from './ipc.ts';
import { submit, type SentAnswer } from './load-generator.ts';
import { distribution, type Distribution } from './percentiles.ts';
import type { AnswerDelivery, LagFigures } from './scenario.ts';
import {
  closeSchool,
  connectSchool,
  SCHOOL_DECK,
  type Arrivals,
  type School,
  type SchoolClass,
} from './school-load.ts';
import type { ServerHandle, ServerMode } from './server-handle.ts';
import { storedAnswerIds } from './sessions.ts';

/** DESIGN.md: a school on one process, 20% of classes answering at once. */
export const SCHOOL_TARGET_P99_MS = 50;

export interface SchoolLoad {
  classes: number;
  classSize: number;
  /** Share of all classes answering at any moment of the steady state (0.2: 20%). */
  answeringShare: number;
  tickMs: number;
  answerWindowMs: number;
  seconds: number;
  /** Where to write `<mode>-answers.csv` (sent at, ack ms, teacher ms), to see when acks were slow. */
  traceDir?: string | undefined;
}

export interface Memory {
  heapBytes: number;
  rssBytes: number;
}

export interface SchoolResult extends AnswerDelivery {
  mode: ServerMode;
  connections: number;
  connectSeconds: number;
  /** Right after the school connected, and after the steady state (both after a full GC). */
  idle: Memory;
  end: Memory;
  classesPerTick: number;
  moves: number;
  movesRefused: number;
  /** Teacher emits `goToSlide` → its acknowledgement. */
  command: Distribution;
  missingAtProjector: number;
  answersPerSecond: number;
  /** Acknowledged answers whose ack took longer than the target (a few stalls, or all slow?). */
  ackedOverTargetShare: number;
  /** The machine's 1-minute load average at the end of the steady state (2 cores here). */
  machineLoad: number;
  serverCpuMicrosPerAnswer: number;
  serverLag: LagFigures;
  generatorLag: LagFigures;
}

interface SchoolAnswer extends SentAnswer {
  klass: SchoolClass;
}

const memoryOf = (stats: ServerStats): Memory => ({
  heapBytes: stats.heapUsedBytes,
  rssBytes: stats.rssBytes,
});

const arrived = (arrivals: Arrivals, s: SentAnswer) => arrivals.firstAt.has(s.answerId);

/** Waits until every answer is acknowledged and every acknowledged one reached both screens. */
async function settle(sent: SchoolAnswer[], school: School, limitMs = 30_000): Promise<void> {
  const deadline = performance.now() + limitMs;
  const done = (s: SchoolAnswer) =>
    s.ackedAt !== null &&
    (!s.ok || (arrived(school.atTeachers, s) && arrived(school.atProjectors, s)));
  while (performance.now() < deadline && !sent.every(done)) await sleep(50);
}

/**
 * The teacher moves on to the next slide; once that is acknowledged, each student answers it at
 * a random moment within the window. Resolves when every answer has been emitted.
 */
function moveOn(
  klass: SchoolClass,
  load: SchoolLoad,
  tag: string,
  sent: SchoolAnswer[],
  commands: { times: number[]; refused: number },
): Promise<void> {
  const slideIndex = (klass.slideIndex + 1) % SCHOOL_DECK.slides.length;
  klass.slideIndex = slideIndex;
  const slideId = SCHOOL_DECK.slides[slideIndex]!.id;
  const move = `${tag}-${klass.index}-${commands.times.length + commands.refused}`;
  const emittedAt = performance.now();
  return new Promise<void>((resolve) => {
    klass.teacher
      .timeout(10_000)
      .emit(
        'teacher:command',
        { sessionId: klass.session.sessionId, command: { type: 'goToSlide', slideIndex } },
        (error: Error | null, ack: { ok?: boolean } | undefined) => {
          if (error !== null || ack?.ok !== true) {
            commands.refused++;
            return resolve();
          }
          commands.times.push(performance.now() - emittedAt);
          let left = klass.students.length;
          klass.students.forEach((student, i) => {
            setTimeout(() => {
              const answer = submit(student, `${move}-${i}`, 'abc'[i % 3]!, slideId);
              sent.push(Object.assign(answer, { klass })); // the same object its ack fills in
              if (--left === 0) resolve();
            }, Math.random() * load.answerWindowMs);
          });
        },
      );
  });
}

/** Every acknowledged answer that is not in its session's stored state, read class by class. */
async function missingInStore(server: ServerHandle, acked: SchoolAnswer[]): Promise<number> {
  const byClass = new Map<SchoolClass, SchoolAnswer[]>();
  for (const s of acked) {
    const list = byClass.get(s.klass);
    if (list) list.push(s);
    else byClass.set(s.klass, [s]);
  }
  const classes = [...byClass.keys()];
  let missing = 0;
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < classes.length; i = next++) {
      const stored = await storedAnswerIds(server, classes[i]!.session);
      missing += byClass.get(classes[i]!)!.filter((s) => !stored.has(s.answerId)).length;
    }
  };
  await Promise.all(Array.from({ length: 16 }, worker));
  return missing;
}

export async function runSchool(
  server: ServerHandle,
  load: SchoolLoad,
  generatorLag: ELDHistogram,
): Promise<SchoolResult> {
  const tag = `${server.mode}${Date.now().toString(36)}`;
  const connectStart = performance.now();
  const school = await connectSchool(server, load.classes, load.classSize);
  const connectSeconds = (performance.now() - connectStart) / 1000;
  try {
    await sleep(2_000); // joins settle (durable writes, presence) before the steady state
    const before = await server.stats();
    generatorLag.reset();
    const classesPerTick = Math.max(
      1,
      Math.round((load.answeringShare * load.classes * load.tickMs) / load.answerWindowMs),
    );
    const ticks = Math.max(1, Math.floor((load.seconds * 1000) / load.tickMs));
    const sent: SchoolAnswer[] = [];
    const commands = { times: [] as number[], refused: 0 };
    const moving: Promise<void>[] = [];
    const startedAt = performance.now();
    let nextClass = 0;
    for (let tick = 0; tick < ticks; tick++) {
      const wait = startedAt + tick * load.tickMs - performance.now();
      if (wait > 0) await sleep(wait);
      for (let k = 0; k < classesPerTick; k++) {
        const klass = school.classes[nextClass++ % school.classes.length]!;
        moving.push(moveOn(klass, load, tag, sent, commands));
      }
    }
    await Promise.all(moving);
    await settle(sent, school);
    const lastAck = sent.reduce((last, s) => Math.max(last, s.ackedAt ?? 0), 0);
    const after = await server.stats();
    const generator = {
      p99Ms: generatorLag.percentile(99) / 1e6,
      maxMs: generatorLag.max / 1e6,
    };
    const acked = sent.filter((s) => s.ok);
    if (load.traceDir) {
      const rows = sent.map((s) => {
        const teacherAt = school.atTeachers.firstAt.get(s.answerId);
        const since = (t: number | null | undefined) =>
          t === null || t === undefined ? '' : (t - s.sentAt).toFixed(2);
        return `${(s.sentAt - startedAt).toFixed(1)},${since(s.ackedAt)},${since(teacherAt)}`;
      });
      writeFileSync(
        join(load.traceDir, `${server.mode}-answers.csv`),
        `sent_ms,ack_ms,teacher_ms\n${rows.join('\n')}\n`,
      );
    }
    const atTeacher = acked.filter((s) => arrived(school.atTeachers, s));
    return {
      mode: server.mode,
      connections: school.classes.length * (load.classSize + 2),
      connectSeconds,
      idle: memoryOf(before),
      end: memoryOf(after),
      classesPerTick,
      moves: commands.times.length + commands.refused,
      movesRefused: commands.refused,
      command: distribution(commands.times),
      answers: sent.length,
      acked: acked.length,
      ack: distribution(acked.map((s) => s.ackedAt! - s.sentAt)),
      teacher: distribution(
        atTeacher.map((s) => school.atTeachers.firstAt.get(s.answerId)! - s.sentAt),
      ),
      missingAtTeacher: acked.length - atTeacher.length,
      duplicatesAtTeacher: acked.filter((s) => (school.atTeachers.times.get(s.answerId) ?? 0) > 1)
        .length,
      missingAtProjector: acked.filter((s) => !arrived(school.atProjectors, s)).length,
      missingInStore: server.mode === 'bare' ? null : await missingInStore(server, acked),
      answersPerSecond: sent.length / ((lastAck - startedAt) / 1000),
      ackedOverTargetShare:
        acked.filter((s) => s.ackedAt! - s.sentAt > SCHOOL_TARGET_P99_MS).length /
        Math.max(1, acked.length),
      machineLoad: loadavg()[0]!,
      serverCpuMicrosPerAnswer: (after.cpuMicros - before.cpuMicros) / Math.max(1, sent.length),
      serverLag: { p99Ms: after.lagP99Ms, maxMs: after.lagMaxMs },
      generatorLag: generator,
    };
  } finally {
    closeSchool(school);
  }
}
