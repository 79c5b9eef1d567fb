/**
 * node bench/web-trace.ts — a quicker loop than bench:web while working on the Firebase answer
 * page: one Firebase stack, a returning student, BENCH_WEB_TRACE_RUNS (default 2) Lighthouse
 * mobile runs of their answer page, each run's figures and its main-thread tasks attributed
 * (bench/web-trace-tasks.ts), and one JavaScript profile of the same load at 4× CPU slowdown
 * (bench/web-cpu-profile.ts). Traces and the profile are kept in BENCH_WEB_TRACE_DIR (default a temporary folder).
 * Not a verdict: budgets are checked by bench:web beside the blank page.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startAuthEmulator, startRtdbServer } from '@classpulse/realtime/testing';
import { launchChromium } from '../web/test/support/browser.ts';
import { startStack } from '../web/test/support/stack.ts';
import { cpuProfilePageLoad } from './web-cpu-profile.ts';
import { joinedStudent } from './joined-student.ts';
import { lighthouseMobile } from './lighthouse-mobile.ts';
import { createJoinCode } from './web-join-code.ts';
import { describeTasks } from './web-trace-tasks.ts';

const RUNS = Number(process.env.BENCH_WEB_TRACE_RUNS ?? 2);
const traceDir =
  process.env.BENCH_WEB_TRACE_DIR ?? mkdtempSync(join(tmpdir(), 'classpulse-web-trace-'));

const cleanup: Array<() => Promise<void>> = [];
try {
  const rtdb = await startRtdbServer();
  cleanup.push(() => rtdb.stop());
  const auth = await startAuthEmulator({ projectId: 'classpulse-bench' });
  cleanup.push(() => auth.stop());
  const stack = await startStack({
    FIREBASE_DATABASE_URL: rtdb.databaseUrl,
    FIREBASE_DATABASE_EMULATOR_HOST: rtdb.host,
    FIREBASE_AUTH_EMULATOR_HOST: auth.host,
    FIREBASE_PROJECT_ID: 'classpulse-bench',
  });
  cleanup.push(() => stack.stop());
  const url = `${stack.webUrl}/join/${await createJoinCode(stack.webUrl, stack.owner!)}`;
  const returning = await joinedStudent(url);
  cleanup.push(async () => rmSync(returning.profileDir, { recursive: true, force: true }));
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
