import { performance, type ELDHistogram } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import type { ServerStats } from './ipc.ts';
import {
  closeAll,
  connectTeacher,
  joinStudents,
  submit,
  type SentAnswer,
  type Student,
  type TeacherTap,
} from './load-generator.ts';
import { distribution, type Distribution } from './percentiles.ts';
import type { ServerHandle, ServerMode } from './server-handle.ts';
import { createBenchSession, storedAnswerIds, type BenchSession } from './sessions.ts';

export interface Scenario {
  students: number;
  burstStudents: number;
  burstWindowMs: number;
  sustainedRate: number;
  sustainedSeconds: number;
  classSize: number;
}

export interface LagFigures {
  p99Ms: number;
  maxMs: number;
}

/** What became of a phase's answers: acknowledged, seen by the teacher, stored. */
export interface AnswerDelivery {
  answers: number;
  acked: number;
  ack: Distribution;
  teacher: Distribution;
  /** Acknowledged answers the teacher never received, or received more than once. */
  missingAtTeacher: number;
  duplicatesAtTeacher: number;
  /** Acknowledged answers not in the server's stored state (ours only; null for the baseline). */
  missingInStore: number | null;
}

export interface PhaseResult extends AnswerDelivery {
  achievedPerSecond: number;
  serverCpuMicrosPerAnswer: number;
  serverLag: LagFigures;
  generatorLag: LagFigures;
}

export interface ModeResult {
  mode: ServerMode;
  connections: number;
  connectSeconds: number;
  heapPerConnectionBytes: number;
  rssPerConnectionBytes: number;
  idleServerLag: LagFigures;
  burst: PhaseResult;
  sustained: PhaseResult;
}

const lagOf = (stats: ServerStats): LagFigures => ({
  p99Ms: stats.lagP99Ms,
  maxMs: stats.lagMaxMs,
});

function takeLag(histogram: ELDHistogram): LagFigures {
  const figures = { p99Ms: histogram.percentile(99) / 1e6, maxMs: histogram.max / 1e6 };
  histogram.reset();
  return figures;
}

/** Waits until every answer is acknowledged and every acknowledged one reached the teacher. */
async function settle(sent: SentAnswer[], teacher: TeacherTap, limitMs = 60_000): Promise<void> {
  const deadline = performance.now() + limitMs;
  while (performance.now() < deadline) {
    const done = sent.every(
      (s) => s.ackedAt !== null && (!s.ok || teacher.receivedAt.has(s.answerId)),
    );
    if (done) return;
    await sleep(50);
  }
}

export async function phase(
  server: ServerHandle,
  session: BenchSession,
  teacher: TeacherTap,
  generatorLag: ELDHistogram,
  send: () => Promise<SentAnswer[]>,
): Promise<PhaseResult> {
  const before = await server.stats();
  generatorLag.reset();
  const startedAt = performance.now();
  const sent = await send();
  await settle(sent, teacher);
  const lastAck = Math.max(...sent.map((s) => s.ackedAt ?? 0));
  const after = await server.stats();
  const generator = takeLag(generatorLag);
  const acked = sent.filter((s) => s.ok);
  const stored = server.mode === 'bare' ? null : await storedAnswerIds(server, session);
  return {
    answers: sent.length,
    acked: acked.length,
    ack: distribution(acked.map((s) => s.ackedAt! - s.sentAt)),
    teacher: distribution(
      acked
        .filter((s) => teacher.receivedAt.has(s.answerId))
        .map((s) => teacher.receivedAt.get(s.answerId)! - s.sentAt),
    ),
    missingAtTeacher: acked.filter((s) => !teacher.receivedAt.has(s.answerId)).length,
    duplicatesAtTeacher: acked.filter((s) => (teacher.receivedTimes.get(s.answerId) ?? 0) > 1)
      .length,
    missingInStore: stored === null ? null : acked.filter((s) => !stored.has(s.answerId)).length,
    achievedPerSecond: sent.length / ((lastAck - startedAt) / 1000),
    serverCpuMicrosPerAnswer: (after.cpuMicros - before.cpuMicros) / Math.max(1, sent.length),
    serverLag: lagOf(after),
    generatorLag: generator,
  };
}

/** Every student of the big session answers once, at a random moment within the window. */
export function burst(students: Student[], windowMs: number, tag: string): Promise<SentAnswer[]> {
  return Promise.all(
    students.map(
      (student, i) =>
        new Promise<SentAnswer>((resolve) =>
          setTimeout(
            () => resolve(submit(student, `${tag}-b-${i}`, 'a')),
            Math.random() * windowMs,
          ),
        ),
    ),
  );
}

/** `rate` answers per second for `seconds`, students taking turns (each answer edits theirs). */
export async function sustained(
  students: Student[],
  rate: number,
  seconds: number,
  tag: string,
): Promise<SentAnswer[]> {
  const sent: SentAnswer[] = [];
  const total = rate * seconds;
  const startedAt = performance.now();
  while (sent.length < total) {
    // Catch up to the schedule every 5 ms, so a late timer does not lower the rate.
    const due = Math.min(total, Math.floor(((performance.now() - startedAt) / 1000) * rate));
    while (sent.length < due) {
      const n = sent.length;
      sent.push(submit(students[n % students.length]!, `${tag}-s-${n}`, n % 2 ? 'b' : 'c'));
    }
    await sleep(5);
  }
  return sent;
}

export async function runScenario(
  server: ServerHandle,
  scenario: Scenario,
  generatorLag: ELDHistogram,
): Promise<ModeResult> {
  const tag = `${server.mode}${Date.now().toString(36)}`;
  const target = { mode: server.mode, url: server.url };
  const baseline = await server.stats();
  const snapshotDir = process.env.BENCH_HEAP_SNAPSHOTS;
  if (snapshotDir) server.heapSnapshot(snapshotDir);
  const big = await createBenchSession(server);
  const teacher = await connectTeacher(target, big.teacherToken);
  const connectStart = performance.now();
  const students = await joinStudents(target, big, scenario.burstStudents, 'Student');
  const others: Student[] = [];
  for (let left = scenario.students - scenario.burstStudents; left > 0;) {
    const size = Math.min(scenario.classSize, left);
    others.push(...(await joinStudents(target, await createBenchSession(server), size, 'Pupil')));
    left -= size;
  }
  const connectSeconds = (performance.now() - connectStart) / 1000;
  await sleep(2_000); // let joins settle (durable writes, presence) before measuring idle memory
  const idle = await server.stats();
  if (snapshotDir) server.heapSnapshot(snapshotDir);
  const connections = students.length + others.length;
  try {
    return {
      mode: server.mode,
      connections,
      connectSeconds,
      heapPerConnectionBytes: (idle.heapUsedBytes - baseline.heapUsedBytes) / connections,
      rssPerConnectionBytes: (idle.rssBytes - baseline.rssBytes) / connections,
      idleServerLag: lagOf(idle),
      burst: await phase(server, big, teacher, generatorLag, () =>
        burst(students, scenario.burstWindowMs, tag),
      ),
      sustained: await phase(server, big, teacher, generatorLag, () =>
        sustained(students, scenario.sustainedRate, scenario.sustainedSeconds, tag),
      ),
    };
  } finally {
    closeAll([teacher, ...students, ...others]);
  }
}
