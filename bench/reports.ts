/**
 * npm run bench:reports — the after-class reports at lecture-hall scale. One embedded stack (as
 * `npm start` runs it) holds a session of BENCH_REPORT_STUDENTS students × 100 questions ×
 * BENCH_REPORT_ANSWERS_PER_SLIDE answers each (default 2,000 × 100 × 5 = 1,000,000 acknowledged
 * answers) and a 30-student session of the same shape, seeded through the real engine and SQLite
 * store. Through the real HTTP routes it times the health report (JSON), the health CSV and the
 * answers CSV of each, with the server process's peak RSS while answering, and prints the large
 * session's figures as ratios against the small one's (same run, same machine).
 */
import { fileURLToPath } from 'node:url';
import { buildIfStale } from '../web/src/embedded/build-if-stale.ts';
import { manyQuestionsDeck, seedAnswers } from '../web/test/support/seed-answers.ts';
import { signInCookie } from '../web/test/support/sign-in.ts';
import { startStack } from '../web/test/support/stack.ts';
import { timeDownload, type TimedDownload } from './reports/downloads.ts';
import { startSessionOf } from './reports/sessions.ts';

const numberFromEnv = (name: string, fallback: number): number => {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive integer`);
  return value;
};
const STUDENTS = numberFromEnv('BENCH_REPORT_STUDENTS', 2_000);
const BASELINE_STUDENTS = 30;
const SLIDES = 100;
const ANSWERS_PER_SLIDE = numberFromEnv('BENCH_REPORT_ANSWERS_PER_SLIDE', 5);

const DOWNLOADS = {
  'health report (JSON)': 'health.json',
  'health CSV': 'health.csv',
  'answers CSV': 'report.csv',
} as const;
type DownloadName = keyof typeof DOWNLOADS;

const MiB = 1024 * 1024;
const webDir = fileURLToPath(new URL('../web', import.meta.url));
buildIfStale(webDir, [
  fileURLToPath(new URL('../realtime', import.meta.url)),
  fileURLToPath(new URL('../metrics-aggregator', import.meta.url)),
]);

const stack = await startStack();
try {
  const cookie = await signInCookie(stack.webUrl, stack.owner!);
  const small = await startSessionOf(
    stack.webUrl,
    cookie,
    manyQuestionsDeck('Small class', SLIDES),
  );
  const large = await startSessionOf(
    stack.webUrl,
    cookie,
    manyQuestionsDeck('Lecture hall', SLIDES),
  );
  await stack.kill();
  const seeding = performance.now();
  const seeded = {
    small: await seedAnswers({
      dataDir: stack.dataDir,
      sessionId: small.sessionId,
      students: BASELINE_STUDENTS,
      answersPerSlide: ANSWERS_PER_SLIDE,
    }),
    large: await seedAnswers({
      dataDir: stack.dataDir,
      sessionId: large.sessionId,
      students: STUDENTS,
      answersPerSlide: ANSWERS_PER_SLIDE,
    }),
  };
  process.stdout.write(
    `bench:reports — seeded ${seeded.large.answers.toLocaleString('en')} + ${seeded.small.answers.toLocaleString('en')} answers in ${((performance.now() - seeding) / 1000).toFixed(0)} s\n`,
  );
  await stack.restart();
  const cookie2 = await signInCookie(stack.webUrl, stack.owner!);

  const measure = async (sessionId: string) => {
    const out = {} as Record<DownloadName, TimedDownload>;
    for (const [name, file] of Object.entries(DOWNLOADS) as Array<[DownloadName, string]>)
      out[name] = await timeDownload(
        `${stack.webUrl}/api/sessions/${sessionId}/${file}`,
        cookie2,
        stack.pid,
      );
    return out;
  };
  const base = await measure(small.sessionId);
  const big = await measure(large.sessionId);

  const mib = (bytes: number) => `${(bytes / MiB).toFixed(1)} MiB`;
  const rows = (Object.keys(DOWNLOADS) as DownloadName[]).flatMap((name) => {
    const b = base[name];
    const l = big[name];
    return [
      {
        download: name,
        session: `${BASELINE_STUDENTS} students, ${seeded.small.answers.toLocaleString('en')} answers`,
        status: b.status,
        size: mib(b.bytes),
        rows: b.lines,
        'first byte (ms)': b.firstByteMs.toFixed(0),
        'total (ms)': b.totalMs.toFixed(0),
        'peak RSS rise': mib(b.peakBytes - b.beforeBytes),
        'time ×': '1.00',
        'RSS rise ×': '1.00',
      },
      {
        download: name,
        session: `${STUDENTS.toLocaleString('en')} students, ${seeded.large.answers.toLocaleString('en')} answers`,
        status: l.status,
        size: mib(l.bytes),
        rows: l.lines,
        'first byte (ms)': l.firstByteMs.toFixed(0),
        'total (ms)': l.totalMs.toFixed(0),
        'peak RSS rise': mib(l.peakBytes - l.beforeBytes),
        'time ×': (l.totalMs / b.totalMs).toFixed(2),
        'RSS rise ×': (
          Math.max(1, l.peakBytes - l.beforeBytes) / Math.max(MiB, b.peakBytes - b.beforeBytes)
        ).toFixed(2),
      },
    ];
  });
  console.table(rows);
} finally {
  await stack.stop();
}
