import type { CrossProcessResult } from './cross-process.ts';
import type { ModeResult, PhaseResult, Scenario } from './scenario.ts';

export type { ModeResult };

/** DESIGN.md's targets for one process on the 2-core machine. */
const TARGETS = {
  heapPerConnectionBytes: 12 * 1024,
  rssPerConnectionBytes: 20 * 1024,
  p99Ms: 25,
  vsBaseline: 1.5,
};

export interface Report {
  scenario: Scenario;
  results: ModeResult[];
  missed: string[];
}

const ms = (value: number) => (Number.isFinite(value) ? value.toFixed(1) : '–');
const kib = (bytes: number) => (bytes / 1024).toFixed(1);
const ratio = (ours: number, base: number) => (base > 0 ? `${(ours / base).toFixed(2)}×` : '–');

/** Zero loss: every answer acknowledged, stored, and at the teacher exactly once. */
function checkLoss(name: string, p: PhaseResult, missed: string[]) {
  if (p.acked !== p.answers)
    missed.push(`${name}: ${p.answers - p.acked} answers not acknowledged`);
  if (p.missingAtTeacher > 0)
    missed.push(`${name}: ${p.missingAtTeacher} acked answers never reached the teacher`);
  if (p.duplicatesAtTeacher > 0)
    missed.push(`${name}: ${p.duplicatesAtTeacher} answers reached the teacher twice`);
  if ((p.missingInStore ?? 0) > 0)
    missed.push(`${name}: ${p.missingInStore} acked answers not stored`);
}

function checkPhase(name: string, p: PhaseResult, base: PhaseResult | undefined, missed: string[]) {
  checkLoss(name, p, missed);
  if (p.ack.p99 > TARGETS.p99Ms)
    missed.push(`${name}: ack p99 ${ms(p.ack.p99)} ms > ${TARGETS.p99Ms} ms`);
  if (p.teacher.p99 > TARGETS.p99Ms)
    missed.push(`${name}: teacher p99 ${ms(p.teacher.p99)} ms > ${TARGETS.p99Ms} ms`);
  if (!base) return;
  if (p.ack.p99 > TARGETS.vsBaseline * base.ack.p99)
    missed.push(
      `${name}: ack p99 ${ratio(p.ack.p99, base.ack.p99)} of the baseline > ${TARGETS.vsBaseline}×`,
    );
  if (p.serverCpuMicrosPerAnswer > TARGETS.vsBaseline * base.serverCpuMicrosPerAnswer)
    missed.push(
      `${name}: CPU per answer ${ratio(p.serverCpuMicrosPerAnswer, base.serverCpuMicrosPerAnswer)} of the baseline > ${TARGETS.vsBaseline}×`,
    );
}

export function createReport(scenario: Scenario, results: ModeResult[]): Report {
  const ours = results.find((r) => r.mode === 'classpulse');
  const base = results.find((r) => r.mode === 'bare');
  const missed: string[] = [];
  if (ours) {
    if (ours.connections < scenario.students)
      missed.push(`only ${ours.connections} students connected`);
    if (ours.heapPerConnectionBytes > TARGETS.heapPerConnectionBytes)
      missed.push(`heap per idle connection ${kib(ours.heapPerConnectionBytes)} KiB > 12 KiB`);
    if (ours.rssPerConnectionBytes > TARGETS.rssPerConnectionBytes)
      missed.push(`RSS per idle connection ${kib(ours.rssPerConnectionBytes)} KiB > 20 KiB`);
    checkPhase('burst', ours.burst, base?.burst, missed);
    checkPhase('sustained', ours.sustained, base?.sustained, missed);
    if (ours.sustained.achievedPerSecond < 0.95 * scenario.sustainedRate)
      missed.push(`sustained: only ${ours.sustained.achievedPerSecond.toFixed(0)} answers/s`);
  }
  return { scenario, results, missed };
}

function phaseRows(name: string, get: (r: ModeResult) => PhaseResult, results: ModeResult[]) {
  const cell = (f: (p: PhaseResult) => string) =>
    Object.fromEntries(results.map((r) => [r.mode, f(get(r))]));
  return [
    { metric: `${name}: answers acked / sent`, ...cell((p) => `${p.acked} / ${p.answers}`) },
    { metric: `${name}: achieved answers/s`, ...cell((p) => p.achievedPerSecond.toFixed(0)) },
    {
      metric: `${name}: emit→ack p50 / p99 / max (ms)`,
      ...cell((p) => `${ms(p.ack.p50)} / ${ms(p.ack.p99)} / ${ms(p.ack.max)}`),
    },
    {
      metric: `${name}: emit→teacher p50 / p99 / max (ms)`,
      ...cell((p) => `${ms(p.teacher.p50)} / ${ms(p.teacher.p99)} / ${ms(p.teacher.max)}`),
    },
    {
      metric: `${name}: lost at teacher / twice / not stored`,
      ...cell(
        (p) => `${p.missingAtTeacher} / ${p.duplicatesAtTeacher} / ${p.missingInStore ?? 'n/a'}`,
      ),
    },
    {
      metric: `${name}: server CPU per answer (µs)`,
      ...cell((p) => p.serverCpuMicrosPerAnswer.toFixed(0)),
    },
    {
      metric: `${name}: server loop lag p99 / max (ms)`,
      ...cell((p) => `${ms(p.serverLag.p99Ms)} / ${ms(p.serverLag.maxMs)}`),
    },
    {
      metric: `${name}: generator loop lag p99 / max (ms)`,
      ...cell((p) => `${ms(p.generatorLag.p99Ms)} / ${ms(p.generatorLag.maxMs)}`),
    },
  ];
}

export function printReport(report: Report, seconds: number): void {
  const { results, scenario } = report;
  const cell = (f: (r: ModeResult) => string) =>
    Object.fromEntries(results.map((r) => [r.mode, f(r)]));
  console.log(
    `\nnpm run bench:realtime — ${scenario.students} students (one session of ${scenario.burstStudents}, the rest in classes of ${scenario.classSize}); ` +
      `burst ${scenario.burstStudents} in ${scenario.burstWindowMs / 1000} s; sustained ${scenario.sustainedRate}/s for ${scenario.sustainedSeconds} s. ` +
      `classpulse = our realtime tier (SQLite, synchronous=full), bare = socket.io forwarding only. Node ${process.version}. ${seconds.toFixed(0)} s in all.\n`,
  );
  console.table([
    { metric: 'students connected', ...cell((r) => String(r.connections)) },
    { metric: 'connect + join time (s)', ...cell((r) => r.connectSeconds.toFixed(1)) },
    { metric: 'heap per idle connection (KiB)', ...cell((r) => kib(r.heapPerConnectionBytes)) },
    { metric: 'RSS per idle connection (KiB)', ...cell((r) => kib(r.rssPerConnectionBytes)) },
    {
      metric: 'idle server loop lag p99 / max (ms)',
      ...cell((r) => `${ms(r.idleServerLag.p99Ms)} / ${ms(r.idleServerLag.maxMs)}`),
    },
    ...phaseRows('burst', (r) => r.burst, results),
    ...phaseRows('sustained', (r) => r.sustained, results),
  ]);
  const ours = results.find((r) => r.mode === 'classpulse');
  const base = results.find((r) => r.mode === 'bare');
  if (ours && base) {
    console.log('Ratios, ours ÷ baseline:');
    console.table([
      {
        metric: 'heap per connection',
        ratio: ratio(ours.heapPerConnectionBytes, base.heapPerConnectionBytes),
      },
      { metric: 'burst ack p99', ratio: ratio(ours.burst.ack.p99, base.burst.ack.p99) },
      { metric: 'burst teacher p99', ratio: ratio(ours.burst.teacher.p99, base.burst.teacher.p99) },
      {
        metric: 'burst CPU per answer',
        ratio: ratio(ours.burst.serverCpuMicrosPerAnswer, base.burst.serverCpuMicrosPerAnswer),
      },
      { metric: 'sustained ack p99', ratio: ratio(ours.sustained.ack.p99, base.sustained.ack.p99) },
      {
        metric: 'sustained teacher p99',
        ratio: ratio(ours.sustained.teacher.p99, base.sustained.teacher.p99),
      },
      {
        metric: 'sustained CPU per answer',
        ratio: ratio(
          ours.sustained.serverCpuMicrosPerAnswer,
          base.sustained.serverCpuMicrosPerAnswer,
        ),
      },
    ]);
  }
  console.log(
    report.missed.length === 0
      ? 'All targets met.'
      : `Targets missed:\n  ${report.missed.join('\n  ')}`,
  );
}

export function crossProcessMisses(cross: CrossProcessResult): string[] {
  const missed: string[] = [];
  for (const [where, r] of [
    ['one process', cross.oneProcess],
    ['two processes', cross.twoProcesses],
  ] as const) {
    checkLoss(`cross-process (${where}) burst`, r.burst, missed);
    checkLoss(`cross-process (${where}) sustained`, r.sustained, missed);
  }
  return missed;
}

export function printCrossProcess(cross: CrossProcessResult): void {
  const { load, oneProcess: one, twoProcesses: two } = cross;
  console.log(
    `\nCross-process overhead — cluster mode on one redis-server (appendfsync always), ${load.students} students; ` +
      `burst of all in ${load.burstWindowMs / 1000} s, then ${load.sustainedRate}/s for ${load.sustainedSeconds} s. ` +
      `"one process": students and teacher on the same process; "two processes": students on A, the teacher on B, which owns the session.\n`,
  );
  const rows = (name: string, get: (r: typeof one) => PhaseResult) => {
    const a = get(one);
    const b = get(two);
    return [
      {
        metric: `${name}: acked / sent, lost at teacher / twice / not stored`,
        'one process': `${a.acked} / ${a.answers}, ${a.missingAtTeacher} / ${a.duplicatesAtTeacher} / ${a.missingInStore ?? 'n/a'}`,
        'two processes': `${b.acked} / ${b.answers}, ${b.missingAtTeacher} / ${b.duplicatesAtTeacher} / ${b.missingInStore ?? 'n/a'}`,
        'two ÷ one': '',
      },
      ...(['ack', 'teacher'] as const).flatMap((path) =>
        (['p50', 'p99'] as const).map((q) => ({
          metric: `${name}: emit→${path} ${q} (ms)`,
          'one process': ms(a[path][q]),
          'two processes': ms(b[path][q]),
          'two ÷ one': ratio(b[path][q], a[path][q]),
        })),
      ),
    ];
  };
  console.table([...rows('burst', (r) => r.burst), ...rows('sustained', (r) => r.sustained)]);
}
