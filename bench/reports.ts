/**
 * npm run bench:reports — the after-class reports and the teacher's pages at lecture-hall scale,
 * each printed beside a 30-student class of the same shape measured in the same run.
 *
 * Reports: one embedded stack (as `npm start` runs it) holds a session of BENCH_REPORT_STUDENTS
 * students × 100 questions × BENCH_REPORT_ANSWERS_PER_SLIDE answers (default 2,000 × 100 × 5 =
 * 1,000,000 acknowledged answers) and a 30-student one, seeded through the real engine and SQLite
 * store (web/test/support/seed-answers.ts). Through the real HTTP routes: the health report
 * (JSON), the health CSV, the answers CSV and the answers report page (its HTML), each read to its
 * end: time to first byte and to the last, and the server process's peak RSS above where it stood
 * before the request.
 *
 * Pages: a second stack holds live sessions of BENCH_PAGE_STUDENTS (default 2,000) and of 30
 * students (10 questions, one answer each); Chromium at 1366×768 opens the dashboard and the
 * health page as the teacher: time until the student table shows, time for a search to narrow it
 * to one student, the page's JS heap and its element count.
 *
 * BENCH_REPORT_SEED_CACHE=<folder>: keep the seeded data there and reuse it on the next run
 * (seeding a million answers takes minutes on this machine).
 */
import { fileURLToPath } from 'node:url';
import { buildIfStale } from '../web/src/embedded/build-if-stale.ts';
import { launchChromium } from '../web/test/support/browser.ts';
import { seededName } from '../web/test/support/seed-answers.ts';
import { signInCookie } from '../web/test/support/sign-in.ts';
import { OWNER } from '../web/test/support/stack.ts';
import { timeDownload, type TimedDownload } from './reports/downloads.ts';
import { DASHBOARD, HEALTH_PAGE, timeStudentPage, type PageTiming } from './reports/pages.ts';
import { seededStack, type SeededSession } from '../web/test/support/seeded-stack.ts';

const numberFromEnv = (name: string, fallback: number): number => {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive integer`);
  return value;
};
const STUDENTS = numberFromEnv('BENCH_REPORT_STUDENTS', 2_000);
const ANSWERS_PER_SLIDE = numberFromEnv('BENCH_REPORT_ANSWERS_PER_SLIDE', 5);
const PAGE_STUDENTS = numberFromEnv('BENCH_PAGE_STUDENTS', 2_000);
const BASELINE_STUDENTS = 30;
const CACHE = process.env.BENCH_REPORT_SEED_CACHE;

/** What is read of each session: the downloads, and the answers report page (its HTML). */
const DOWNLOADS = {
  'health report (JSON)': (id: string) => `/api/sessions/${id}/health.json`,
  'health CSV': (id: string) => `/api/sessions/${id}/health.csv`,
  'answers CSV': (id: string) => `/api/sessions/${id}/report.csv`,
  'answers report page': (id: string) => `/teacher/sessions/${id}/report`,
} as const;
type DownloadName = keyof typeof DOWNLOADS;

const MiB = 1024 * 1024;
const mib = (bytes: number) => `${(bytes / MiB).toFixed(1)} MiB`;
const ratio = (value: number, base: number) => `${(value / base).toFixed(2)}×`;
const described = (s: SeededSession) =>
  `${s.students.toLocaleString('en')} students, ${s.answers.toLocaleString('en')} answers`;

const webDir = fileURLToPath(new URL('../web', import.meta.url));
if (process.env.WEB_SKIP_BUILD !== 'true')
  buildIfStale(webDir, [
    fileURLToPath(new URL('../realtime', import.meta.url)),
    fileURLToPath(new URL('../metrics-aggregator', import.meta.url)),
  ]);

async function reportsBench(): Promise<void> {
  const { stack, sessions, seededSeconds } = await seededStack(
    {
      small: {
        title: 'Small class',
        slides: 100,
        students: BASELINE_STUDENTS,
        answersPerSlide: ANSWERS_PER_SLIDE,
      },
      large: {
        title: 'Lecture hall',
        slides: 100,
        students: STUDENTS,
        answersPerSlide: ANSWERS_PER_SLIDE,
      },
    },
    CACHE,
  );
  try {
    process.stdout.write(
      `\nbench:reports — downloads through the web tier (seeded ${seededSeconds === null ? 'from the cache' : `in ${seededSeconds.toFixed(0)} s`})\n`,
    );
    const cookie = await signInCookie(stack.webUrl, OWNER);
    const measure = async (sessionId: string) => {
      const out = {} as Record<DownloadName, TimedDownload>;
      for (const [name, path] of Object.entries(DOWNLOADS) as Array<
        [DownloadName, (id: string) => string]
      >)
        out[name] = await timeDownload(`${stack.webUrl}${path(sessionId)}`, cookie, stack.pid);
      return out;
    };
    // Both sessions are read once first: the first read of a session loads it into the realtime
    // tier (a restart's cost, not a report's), and the pages' code is loaded.
    await measure(sessions.small.sessionId);
    await measure(sessions.large.sessionId);
    const base = await measure(sessions.small.sessionId);
    const big = await measure(sessions.large.sessionId);
    const rows = (Object.keys(DOWNLOADS) as DownloadName[]).flatMap((name) =>
      (
        [
          [sessions.small, base[name]],
          [sessions.large, big[name]],
        ] as const
      ).map(([session, d]) => ({
        download: name,
        session: described(session),
        status: d.status,
        size: mib(d.bytes),
        lines: d.lines,
        'first byte (ms)': Math.round(d.firstByteMs),
        'total (ms)': Math.round(d.totalMs),
        'peak RSS rise': mib(d.peakBytes - d.beforeBytes),
        'time vs 30': ratio(d.totalMs, base[name].totalMs),
        'RSS rise vs 30': ratio(
          Math.max(MiB, d.peakBytes - d.beforeBytes),
          Math.max(MiB, base[name].peakBytes - base[name].beforeBytes),
        ),
      })),
    );
    console.table(rows);
    process.stdout.write(
      `(RSS: the whole server process, web and realtime tiers, sampled every 5 ms; a rise under 1 MiB counts as 1 MiB in the ratio. Before the runs it held ${mib(base['health CSV'].beforeBytes)}.)\n`,
    );
  } finally {
    await stack.stop();
  }
}

async function pagesBench(): Promise<void> {
  const { stack, sessions } = await seededStack(
    {
      small: {
        title: 'Small class live',
        slides: 10,
        students: BASELINE_STUDENTS,
        answersPerSlide: 1,
      },
      large: {
        title: 'Lecture hall live',
        slides: 10,
        students: PAGE_STUDENTS,
        answersPerSlide: 1,
      },
    },
    CACHE === undefined ? undefined : `${CACHE}-pages`,
  );
  const browser = await launchChromium();
  try {
    process.stdout.write('\nbench:reports — teacher pages in Chromium (1366×768)\n');
    const pages = { dashboard: DASHBOARD, 'health page': HEALTH_PAGE } as const;
    const time = (which: (typeof pages)[keyof typeof pages], s: SeededSession) =>
      timeStudentPage(browser, stack.webUrl, OWNER, s.sessionId, which, seededName(s.students - 3));
    const rows: Array<Record<string, string | number>> = [];
    for (const [name, which] of Object.entries(pages)) {
      await time(which, sessions.small); // warm-up: the pages' code, the sessions loaded
      await time(which, sessions.large);
      const base = await time(which, sessions.small);
      const big = await time(which, sessions.large);
      for (const [session, t] of [
        [sessions.small, base],
        [sessions.large, big],
      ] as Array<[SeededSession, PageTiming]>)
        rows.push({
          page: name,
          session: `${session.students.toLocaleString('en')} students`,
          'table shown (ms)': Math.round(t.renderedMs),
          'search (ms)': Math.round(t.searchMs),
          'JS heap': mib(t.heapBytes),
          elements: t.elements,
          'shown vs 30': ratio(t.renderedMs, base.renderedMs),
          'search vs 30': ratio(t.searchMs, base.searchMs),
          'heap vs 30': ratio(t.heapBytes, base.heapBytes),
        });
    }
    console.table(rows);
  } finally {
    await browser.close();
    await stack.stop();
  }
}

await reportsBench();
await pagesBench();
