/**
 * npm run bench:realtime — the realtime tier under classroom load, against a bare socket.io
 * baseline measured in the same run (see bench/realtime/ for the pieces).
 *
 * For each server (ours, then the baseline), in its own process:
 *   1. idle: BENCH_STUDENTS students connect and join (one websocket each): one session of
 *      BENCH_BURST students plus classes of 30; heap and RSS per idle connection after a full GC;
 *   2. burst: the BENCH_BURST students of the big session all answer within 2.5 s;
 *   3. sustained: BENCH_RATE answers/s for BENCH_SECONDS s to that session's one teacher.
 * Latency is student emit → ack and student emit → the teacher receives it, on this process's
 * clock; every acknowledged answer must reach the teacher exactly once (and, for ours, be
 * stored). Event-loop lag of every process is printed, so a busy machine shows as such.
 *
 * Then the school (realtime/school.ts): BENCH_SCHOOL_CLASSES classes of 30 with their teachers and
 * projectors on one process, BENCH_SCHOOL_ANSWERING percent of them answering at once for
 * BENCH_SCHOOL_SECONDS s, ours then the baseline (BENCH_SCHOOL_TRACE=<dir>: every answer's
 * latencies as CSV).
 *
 * Then the cross-process overhead (realtime/cross-process.ts): BENCH_CROSS_STUDENTS students
 * (0 skips it) on one process vs on another process than their teacher, one redis-server.
 *
 * BENCH_SCENARIO=school runs only the school; BENCH_SCENARIO=classroom everything but the school.
 */
import { performance, monitorEventLoopDelay } from 'node:perf_hooks';
import { runCrossProcess } from './realtime/cross-process.ts';
import {
  createReport,
  crossProcessMisses,
  printCrossProcess,
  printReport,
  type ModeResult,
} from './realtime/report.ts';
import { runScenario, type Scenario } from './realtime/scenario.ts';
import { runSchool, type SchoolLoad, type SchoolResult } from './realtime/school.ts';
import { printSchool, schoolMisses } from './realtime/school-report.ts';
import { startServerProcess, type ServerMode } from './realtime/server-handle.ts';

const numberFromEnv = (name: string, fallback: number): number => {
  const raw = process.env[name];
  const value = raw === undefined ? fallback : Number(raw);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a positive integer`);
  return value;
};

const scenario: Scenario = {
  students: numberFromEnv('BENCH_STUDENTS', 19_000),
  burstStudents: numberFromEnv('BENCH_BURST', 10_000),
  burstWindowMs: 2_500,
  sustainedRate: numberFromEnv('BENCH_RATE', 5_000),
  sustainedSeconds: numberFromEnv('BENCH_SECONDS', 10),
  classSize: 30,
};
if (scenario.burstStudents > scenario.students) throw new Error('BENCH_BURST > BENCH_STUDENTS');

const only = process.env.BENCH_SCENARIO ?? 'all';
if (!['all', 'school', 'classroom'].includes(only))
  throw new Error('BENCH_SCENARIO must be school, classroom or unset');
const school: SchoolLoad = {
  classes: numberFromEnv('BENCH_SCHOOL_CLASSES', 600),
  classSize: 30,
  answeringShare: numberFromEnv('BENCH_SCHOOL_ANSWERING', 20) / 100,
  tickMs: 2_000,
  answerWindowMs: 5_000,
  seconds: numberFromEnv('BENCH_SCHOOL_SECONDS', 30),
  traceDir: process.env.BENCH_SCHOOL_TRACE,
};

const generatorLag = monitorEventLoopDelay({ resolution: 1 });
generatorLag.enable();
const missed: string[] = [];

if (only !== 'school') {
  const results: ModeResult[] = [];
  const started = performance.now();
  for (const mode of ['classpulse', 'bare'] as ServerMode[]) {
    const server = await startServerProcess(mode);
    try {
      results.push(await runScenario(server, scenario, generatorLag));
    } finally {
      await server.stop();
    }
  }
  const report = createReport(scenario, results);
  printReport(report, (performance.now() - started) / 1000);
  missed.push(...report.missed);
}

if (only !== 'classroom') {
  const results: SchoolResult[] = [];
  const started = performance.now();
  for (const mode of ['classpulse', 'bare'] as ServerMode[]) {
    const server = await startServerProcess(mode);
    try {
      results.push(await runSchool(server, school, generatorLag));
    } finally {
      await server.stop();
    }
  }
  printSchool(school, results, (performance.now() - started) / 1000);
  missed.push(...schoolMisses(school, results));
}

const crossStudents = only === 'school' ? 0 : Number(process.env.BENCH_CROSS_STUDENTS ?? 2_000);
if (crossStudents > 0) {
  const cross = await runCrossProcess(
    {
      students: crossStudents,
      burstWindowMs: 2_500,
      sustainedRate: numberFromEnv('BENCH_CROSS_RATE', 1_000),
      sustainedSeconds: 5,
    },
    generatorLag,
  );
  printCrossProcess(cross);
  missed.push(...crossProcessMisses(cross));
}
process.exitCode = missed.length === 0 ? 0 : 1;
