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
 * Then the cross-process overhead (realtime/cross-process.ts): BENCH_CROSS_STUDENTS students
 * (0 skips it) on one process vs on another process than their teacher, one redis-server.
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

const generatorLag = monitorEventLoopDelay({ resolution: 1 });
generatorLag.enable();
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

const crossStudents = Number(process.env.BENCH_CROSS_STUDENTS ?? 2_000);
const missed = [...report.missed];
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
