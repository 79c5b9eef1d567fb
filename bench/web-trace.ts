/**
 * node bench/web-trace.ts — a quicker loop than bench:web while working on the Firebase answer
 * page: one Firebase stack, a returning student, BENCH_WEB_TRACE_RUNS (default 2) Lighthouse
 * mobile runs of their answer page, each run's figures and its main-thread tasks attributed
 * (bench/web-trace-tasks.ts), and one JavaScript profile of the same load at 4× CPU slowdown
 * (bench/web-cpu-profile.ts). Traces and the profile are kept in BENCH_WEB_TRACE_DIR (default a temporary folder).
 * Not a verdict: budgets are checked by bench:web beside the blank page.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchChromium } from '../web/test/support/browser.ts';
import { cpuProfilePageLoad } from './web-cpu-profile.ts';
import { lighthouseMobile } from './lighthouse-mobile.ts';
import { describeTasks } from './web-trace-tasks.ts';
import { firebaseReturningStudent } from './web-firebase-student.ts';

const RUNS = Number(process.env.BENCH_WEB_TRACE_RUNS ?? 2);
const traceDir =
  process.env.BENCH_WEB_TRACE_DIR ?? mkdtempSync(join(tmpdir(), 'classpulse-web-trace-'));

const cleanup: Array<() => Promise<void>> = [];
try {
  const returning = await firebaseReturningStudent(cleanup);
  const { url } = returning;
  for (let run = 1; run <= RUNS; run++) {
    const traceFile = join(traceDir, `firebase-answer-${run}.json`);
    const result = await lighthouseMobile(url, returning.profileDir, traceFile);
    console.log(
      `\nrun ${run}: perf ${result.performance}, TBT ${result.totalBlockingTimeMs} ms, LCP ${result.largestContentfulPaintMs} ms, CLS ${result.cumulativeLayoutShift} (trace ${traceFile})`,
    );
    console.log(`  ${result.diagnosis.join('\n  ')}`);
    console.log(`  ${describeTasks(JSON.parse(readFileSync(traceFile, 'utf8'))).join('\n  ')}`);
  }
  const browser = await launchChromium();
  cleanup.push(() => browser.close());
  const profileFile = join(traceDir, 'firebase-answer.cpuprofile');
  await cpuProfilePageLoad(browser, url, returning.storageState, profileFile);
  console.log(`\nJavaScript profile (4× CPU slowdown): ${profileFile}`);
} finally {
  for (const stop of cleanup.reverse()) await stop().catch(() => undefined);
}
