/**
 * npm run bench:web — first-load JS of the student pages against a blank Next.js page built in
 * the same run, and Lighthouse (mobile) for /join and the student answer page. Budgets from
 * DESIGN.md: student first-load JS ≤ 150 KiB gzip on the socket path and ≤ 185 KiB on the
 * Firebase path (a second stack in Firebase mode, against the local Firebase stand-ins);
 * performance ≥ 95, TBT ≤ 150 ms, CLS 0. Prints the figures; exits 1 when a budget is missed.
 */
import { rmSync } from 'node:fs';
import { launchChromium } from '../web/test/support/browser.ts';
import { startStack } from '../web/test/support/stack.ts';
import { startBlankNext } from './blank-next.ts';
import { firstLoadJs, type FirstLoadJs } from '../web/test/support/first-load-js.ts';
import { joinedStudent } from './joined-student.ts';
import { lighthouseMobile, type LighthouseResult } from './lighthouse-mobile.ts';
import { imageSlideDeck, SLIDE_IMAGE, studentSeesSlideImage } from './image-slide.ts';
import { createJoinCode } from './web-join-code.ts';
import { firebaseReturningStudent } from './web-firebase-student.ts';

const KiB = 1024;
const BUDGET_JS_KIB = 150;
const BUDGET_FIREBASE_JS_KIB = 185;
/** Lighthouse runs per page; the median is reported (one run on a 2-core machine is noisy). */
const LIGHTHOUSE_RUNS = Number(process.env.BENCH_WEB_LIGHTHOUSE_RUNS ?? 3);

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

async function lighthouseMedian(url: string, profileDir?: string): Promise<LighthouseResult> {
  const runs: LighthouseResult[] = [];
  for (let i = 0; i < LIGHTHOUSE_RUNS; i++) runs.push(await lighthouseMobile(url, profileDir));
  return {
    performance: median(runs.map((r) => r.performance)),
    totalBlockingTimeMs: median(runs.map((r) => r.totalBlockingTimeMs)),
    cumulativeLayoutShift: Math.max(...runs.map((r) => r.cumulativeLayoutShift)),
    largestContentfulPaintMs: median(runs.map((r) => r.largestContentfulPaintMs)),
    // The run with the median score: what its trace shows.
    diagnosis:
      [...runs].sort((a, b) => a.performance - b.performance)[Math.floor(runs.length / 2)]
        ?.diagnosis ?? [],
  };
}

type PageName =
  'blank' | 'join' | 'student' | 'answer' | 'imageAnswer' | 'firebaseStudent' | 'firebaseAnswer';
const LABELS: Record<PageName, string> = {
  blank: 'blank Next.js page (baseline)',
  join: '/join',
  student: '/join/[code] (new student: name)',
  answer: '/join/[code] (answer page, returning)',
  imageAnswer: '/join/[code] (answer page under a 1920×1080 slide image)',
  firebaseStudent: 'Firebase path: /join/[code] (new student)',
  firebaseAnswer: 'Firebase path: /join/[code] (answer, returning)',
};
const FIREBASE_PAGES = new Set<PageName>(['firebaseStudent', 'firebaseAnswer']);
/**
 * BENCH_WEB_PAGES=blank,firebaseAnswer runs Lighthouse on those pages only (a quicker loop while
 * working on one page; the blank baseline should stay in the list). Default: every page.
 */
const LIGHTHOUSE_PAGES = new Set<PageName>(
  (process.env.BENCH_WEB_PAGES?.split(',') as PageName[] | undefined) ??
    (Object.keys(LABELS) as PageName[]),
);
const NOT_MEASURED: LighthouseResult = {
  performance: Number.NaN,
  totalBlockingTimeMs: Number.NaN,
  cumulativeLayoutShift: Number.NaN,
  largestContentfulPaintMs: Number.NaN,
  diagnosis: [],
};
/** Pages whose Lighthouse trace is summarised under the table (what limits their score). */
const DIAGNOSED: PageName[] = ['blank', 'answer', 'firebaseAnswer'];

// Everything started is stopped again, even when a later step fails.
const cleanup: Array<() => Promise<void>> = [];
try {
  const stack = await startStack();
  cleanup.push(() => stack.stop());
  const blank = await startBlankNext();
  cleanup.push(() => blank.stop());
  const browser = await launchChromium();
  cleanup.push(() => browser.close());
  const joinCode = await createJoinCode(stack.webUrl, stack.owner!);
  const studentUrl = `${stack.webUrl}/join/${joinCode}`;
  const returning = await joinedStudent(studentUrl);
  cleanup.push(async () => rmSync(returning.profileDir, { recursive: true, force: true }));

  // The answer page again, on a session whose question slide carries a 1920×1080 image.
  const imageUrl = `${stack.webUrl}/join/${await createJoinCode(
    stack.webUrl,
    stack.owner!,
    await imageSlideDeck(stack.webUrl, stack.owner!),
  )}`;
  const imageReturning = await joinedStudent(imageUrl);
  cleanup.push(async () => rmSync(imageReturning.profileDir, { recursive: true, force: true }));
  const imageShown = await studentSeesSlideImage(browser, imageUrl, imageReturning.storageState);

  // The same pages in Firebase mode: students load the Firebase SDK instead of socket.io.
  const firebaseReturning = await firebaseReturningStudent(cleanup);
  const firebaseUrl = firebaseReturning.url;

  const urls: Record<PageName, string> = {
    blank: blank.url,
    join: `${stack.webUrl}/join`,
    student: studentUrl,
    answer: studentUrl,
    imageAnswer: imageUrl,
    firebaseStudent: firebaseUrl,
    firebaseAnswer: firebaseUrl,
  };

  const js: Record<PageName, FirstLoadJs> = {
    blank: await firstLoadJs(browser, urls.blank),
    join: await firstLoadJs(browser, urls.join),
    student: await firstLoadJs(browser, urls.student),
    answer: await firstLoadJs(browser, urls.answer, returning.storageState),
    imageAnswer: await firstLoadJs(browser, urls.imageAnswer, imageReturning.storageState),
    firebaseStudent: await firstLoadJs(browser, urls.firebaseStudent),
    firebaseAnswer: await firstLoadJs(browser, urls.firebaseAnswer, firebaseReturning.storageState),
  };
  const profiles: Partial<Record<PageName, string>> = {
    answer: returning.profileDir,
    imageAnswer: imageReturning.profileDir,
    firebaseAnswer: firebaseReturning.profileDir,
  };
  const lh = {} as Record<PageName, LighthouseResult>;
  for (const name of Object.keys(LABELS) as PageName[])
    lh[name] = LIGHTHOUSE_PAGES.has(name)
      ? await lighthouseMedian(urls[name], profiles[name])
      : NOT_MEASURED;

  const pages = Object.keys(LABELS) as PageName[];
  const rows = pages.map((name) => ({
    page: LABELS[name],
    'first-load JS (KiB gzip)': (js[name].initialBytes / KiB).toFixed(1),
    'vs blank': `${(js[name].initialBytes / js.blank.initialBytes).toFixed(2)}×`,
    'JS until idle (KiB)': (js[name].untilIdleBytes / KiB).toFixed(1),
    'Lighthouse perf': lh[name].performance,
    'TBT (ms)': lh[name].totalBlockingTimeMs,
    'TBT vs blank': `${(lh[name].totalBlockingTimeMs / Math.max(1, lh.blank.totalBlockingTimeMs)).toFixed(2)}×`,
    CLS: lh[name].cumulativeLayoutShift.toFixed(3),
    'LCP (ms)': lh[name].largestContentfulPaintMs,
  }));
  console.log(
    '\nnpm run bench:web — student pages vs a blank Next.js page, same machine, same run',
    `\n(first-load JS = the scripts the HTML loads, as Next.js counts it; Lighthouse = median of ${LIGHTHOUSE_RUNS} mobile runs, CLS = worst run)\n`,
  );
  console.table(rows);
  for (const name of DIAGNOSED)
    if (lh[name].diagnosis.length > 0)
      console.log(`\n${LABELS[name]} (median run):\n  ${lh[name].diagnosis.join('\n  ')}`);
  if (!imageShown)
    console.log(
      `\nThe answer page shows no slide image yet (no img named "${SLIDE_IMAGE.alt}" at 360 px): its row measures the page without it.`,
    );

  const failures: string[] = [];
  for (const name of [
    'join',
    'student',
    'answer',
    'imageAnswer',
    'firebaseStudent',
    'firebaseAnswer',
  ] as const) {
    const kib = js[name].initialBytes / KiB;
    const budget = FIREBASE_PAGES.has(name) ? BUDGET_FIREBASE_JS_KIB : BUDGET_JS_KIB;
    if (kib > budget)
      failures.push(`${LABELS[name]}: first-load JS ${kib.toFixed(1)} KiB > ${budget} KiB`);
    if (!LIGHTHOUSE_PAGES.has(name)) continue;
    if (lh[name].performance < 95)
      failures.push(`${LABELS[name]}: Lighthouse performance ${lh[name].performance} < 95`);
    if (lh[name].totalBlockingTimeMs > 150)
      failures.push(`${LABELS[name]}: TBT ${lh[name].totalBlockingTimeMs} ms > 150 ms`);
    if (lh[name].cumulativeLayoutShift > 0)
      failures.push(`${LABELS[name]}: CLS ${lh[name].cumulativeLayoutShift} > 0`);
  }
  console.log(
    failures.length === 0 ? '\nAll budgets met.' : `\nBudgets missed:\n  ${failures.join('\n  ')}`,
  );
  process.exitCode = failures.length === 0 ? 0 : 1;
} finally {
  for (const stop of cleanup.reverse()) await stop().catch(() => undefined);
}
