import { writeFileSync } from 'node:fs';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from '../web/test/support/browser.ts';

export interface LighthouseResult {
  performance: number;
  totalBlockingTimeMs: number;
  cumulativeLayoutShift: number;
  largestContentfulPaintMs: number;
  /** What limits the score: main-thread time per script and the longest tasks (simulated ms). */
  diagnosis: string[];
}

interface AuditItems {
  details?: { items?: Array<Record<string, unknown>> };
}

/** The scripts that keep the main thread busiest, the longest tasks, and the LCP element. */
function diagnose(audits: Record<string, AuditItems | undefined>): string[] {
  const items = (id: string) => audits[id]?.details?.items ?? [];
  const ms = (v: unknown) => Math.round(Number(v));
  const short = (url: unknown) =>
    String(url)
      .replace(/^https?:\/\/[^/]+/, '')
      .slice(-70);
  const fcp = (audits['first-contentful-paint'] as { numericValue?: number } | undefined)
    ?.numericValue;
  return [
    // Total Blocking Time counts the parts of tasks after this (simulated) first paint.
    `FCP (simulated) ${ms(fcp)} ms`,
    ...items('bootup-time')
      .slice(0, 6)
      .map(
        (i) =>
          `script ${short(i.url)}: ${ms(i.total)} ms (eval ${ms(i.scripting)}, parse ${ms(i.scriptParseCompile)})`,
      ),
    ...items('long-tasks')
      .slice(0, 6)
      .map((i) => `long task ${ms(i.duration)} ms at ${ms(i.startTime)} ms: ${short(i.url)}`),
    // The LCP element and how its (observed, unthrottled) time splits into subparts.
    ...items('lcp-breakdown-insight').flatMap((i) => {
      if (i.type === 'node') return [`LCP element: ${String(i.snippet).slice(0, 120)}`];
      const subparts = (i.items as Array<Record<string, unknown>> | undefined) ?? [];
      return subparts.length === 0
        ? []
        : [
            `LCP subparts (observed): ${subparts.map((p) => `${String(p.subpart)} ${ms(p.duration)} ms`).join(', ')}`,
          ];
    }),
    ...items('mainthread-work-breakdown')
      .slice(0, 4)
      .map((i) => `main thread ${String(i.groupLabel ?? i.group)}: ${ms(i.duration)} ms`),
  ];
}

/**
 * Lighthouse's default (mobile, simulated throttling) performance run against Debian's Chromium.
 * With `profileDir`, the page opens in that profile: Lighthouse empties the HTTP cache but (by
 * default) keeps localStorage, so a returning student's stored identity resumes. With `traceFile`,
 * the run's trace is written there (bench/web-trace.ts attributes its main-thread tasks).
 */
export async function lighthouseMobile(
  url: string,
  profileDir?: string,
  traceFile?: string,
): Promise<LighthouseResult> {
  const chrome = await chromeLauncher.launch({
    chromePath: CHROMIUM_PATH,
    chromeFlags: CHROMIUM_FLAGS,
    ...(profileDir === undefined ? {} : { userDataDir: profileDir }),
  });
  try {
    const result = await lighthouse(url, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: ['performance'],
    });
    const lhr = result?.lhr;
    if (!lhr) throw new Error(`no Lighthouse result for ${url}`);
    if (traceFile !== undefined) writeFileSync(traceFile, JSON.stringify(result.artifacts.Trace));
    return {
      performance: Math.round((lhr.categories.performance?.score ?? 0) * 100),
      totalBlockingTimeMs: Math.round(
        lhr.audits['total-blocking-time']?.numericValue ?? Number.NaN,
      ),
      cumulativeLayoutShift: lhr.audits['cumulative-layout-shift']?.numericValue ?? Number.NaN,
      largestContentfulPaintMs: Math.round(
        lhr.audits['largest-contentful-paint']?.numericValue ?? Number.NaN,
      ),
      diagnosis: diagnose(lhr.audits as Record<string, AuditItems | undefined>),
    };
  } finally {
    chrome.kill();
  }
}
