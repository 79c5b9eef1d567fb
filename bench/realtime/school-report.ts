import {
  SCHOOL_TARGET_P99_MS as TARGET_P99_MS,
  type SchoolLoad,
  type SchoolResult,
} from './school.ts';

const ms = (value: number) => (Number.isFinite(value) ? value.toFixed(1) : '–');
const mib = (bytes: number) => (bytes / 1024 / 1024).toFixed(0);
const ratio = (ours: number, base: number) => (base > 0 ? `${(ours / base).toFixed(2)}×` : '–');

/** Zero loss and p99 ≤ 50 ms for ours; the baseline is only compared against. */
export function schoolMisses(load: SchoolLoad, results: SchoolResult[]): string[] {
  const ours = results.find((r) => r.mode === 'classpulse');
  if (!ours) return [];
  const missed: string[] = [];
  const name = 'school';
  if (ours.connections < load.classes * (load.classSize + 2))
    missed.push(`${name}: only ${ours.connections} sockets connected`);
  if (ours.movesRefused > 0) missed.push(`${name}: ${ours.movesRefused} teacher commands refused`);
  if (ours.acked !== ours.answers)
    missed.push(`${name}: ${ours.answers - ours.acked} answers not acknowledged`);
  if (ours.missingAtTeacher > 0)
    missed.push(`${name}: ${ours.missingAtTeacher} acked answers never reached the teacher`);
  if (ours.duplicatesAtTeacher > 0)
    missed.push(`${name}: ${ours.duplicatesAtTeacher} answers reached the teacher twice`);
  if (ours.missingAtProjector > 0)
    missed.push(`${name}: ${ours.missingAtProjector} acked answers never reached the projector`);
  if ((ours.missingInStore ?? 0) > 0)
    missed.push(`${name}: ${ours.missingInStore} acked answers not stored`);
  if (ours.ack.p99 > TARGET_P99_MS)
    missed.push(`${name}: ack p99 ${ms(ours.ack.p99)} ms > ${TARGET_P99_MS} ms`);
  if (ours.teacher.p99 > TARGET_P99_MS)
    missed.push(`${name}: teacher-sees p99 ${ms(ours.teacher.p99)} ms > ${TARGET_P99_MS} ms`);
  return missed;
}

export function printSchool(load: SchoolLoad, results: SchoolResult[], seconds: number): void {
  console.log(
    `\nSchool — ${load.classes} classes × (${load.classSize} students + teacher + projector) on one process; ` +
      `every ${load.tickMs / 1000} s the next classes' teachers move on (goToSlide) and their students answer within ${load.answerWindowMs / 1000} s, ` +
      `${Math.round(load.answeringShare * 100)}% of classes answering at once, for ${load.seconds} s. ` +
      `classpulse = our realtime tier (SQLite), bare = socket.io forwarding to the class's teacher and projector. ${seconds.toFixed(0)} s in all.\n`,
  );
  const cell = (f: (r: SchoolResult) => string) =>
    Object.fromEntries(results.map((r) => [r.mode, f(r)]));
  const ours = results.find((r) => r.mode === 'classpulse');
  const base = results.find((r) => r.mode === 'bare');
  const vs = (f: (r: SchoolResult) => number) => ({
    'ours ÷ bare': ours && base ? ratio(f(ours), f(base)) : '–',
  });
  console.table([
    { metric: 'sockets connected', ...cell((r) => String(r.connections)) },
    { metric: 'connect + join time (s)', ...cell((r) => r.connectSeconds.toFixed(1)) },
    {
      metric: 'teacher moves (classes per tick) / refused',
      ...cell((r) => `${r.moves} (${r.classesPerTick}) / ${r.movesRefused}`),
    },
    {
      metric: 'teacher command→ack p50 / p99 (ms)',
      ...cell((r) => `${ms(r.command.p50)} / ${ms(r.command.p99)}`),
      ...vs((r) => r.command.p99),
    },
    { metric: 'answers acked / sent', ...cell((r) => `${r.acked} / ${r.answers}`) },
    { metric: 'answers/s', ...cell((r) => r.answersPerSecond.toFixed(0)) },
    {
      metric: 'emit→ack p50 / p99 / max (ms)',
      ...cell((r) => `${ms(r.ack.p50)} / ${ms(r.ack.p99)} / ${ms(r.ack.max)}`),
      ...vs((r) => r.ack.p99),
    },
    {
      metric: `acks slower than ${TARGET_P99_MS} ms (%)`,
      ...cell((r) => (100 * r.ackedOverTargetShare).toFixed(2)),
    },
    {
      metric: 'emit→teacher p50 / p99 / max (ms)',
      ...cell((r) => `${ms(r.teacher.p50)} / ${ms(r.teacher.p99)} / ${ms(r.teacher.max)}`),
      ...vs((r) => r.teacher.p99),
    },
    {
      metric: 'lost at teacher / twice / at projector / not stored',
      ...cell(
        (r) =>
          `${r.missingAtTeacher} / ${r.duplicatesAtTeacher} / ${r.missingAtProjector} / ${r.missingInStore ?? 'n/a'}`,
      ),
    },
    {
      metric: 'server CPU per answer (µs)',
      ...cell((r) => r.serverCpuMicrosPerAnswer.toFixed(0)),
      ...vs((r) => r.serverCpuMicrosPerAnswer),
    },
    {
      metric: 'server loop lag p99 / max (ms)',
      ...cell((r) => `${ms(r.serverLag.p99Ms)} / ${ms(r.serverLag.maxMs)}`),
      ...vs((r) => r.serverLag.p99Ms),
    },
    {
      metric: 'server heap idle / end (MiB)',
      ...cell((r) => `${mib(r.idle.heapBytes)} / ${mib(r.end.heapBytes)}`),
      ...vs((r) => r.end.heapBytes),
    },
    {
      metric: 'server RSS idle / end (MiB)',
      ...cell((r) => `${mib(r.idle.rssBytes)} / ${mib(r.end.rssBytes)}`),
      ...vs((r) => r.end.rssBytes),
    },
    { metric: 'machine load average (1 min, 2 cores)', ...cell((r) => r.machineLoad.toFixed(1)) },
    {
      metric: 'generator loop lag p99 / max (ms)',
      ...cell((r) => `${ms(r.generatorLag.p99Ms)} / ${ms(r.generatorLag.maxMs)}`),
    },
  ]);
  const missed = schoolMisses(load, results);
  console.log(
    missed.length === 0
      ? 'School: all targets met.'
      : `School: targets missed:\n  ${missed.join('\n  ')}`,
  );
}
