import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from '../web/test/support/browser.ts';

export interface LighthouseResult {
  performance: number;
  totalBlockingTimeMs: number;
  cumulativeLayoutShift: number;
  largestContentfulPaintMs: number;
}

/**
 * Lighthouse's default (mobile, simulated throttling) performance run against Debian's Chromium.
 * With `profileDir`, the page opens in that profile: Lighthouse empties the HTTP cache but (by
 * default) keeps localStorage, so a returning student's stored identity resumes.
 */
export async function lighthouseMobile(
  url: string,
  profileDir?: string,
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
    return {
      performance: Math.round((lhr.categories.performance?.score ?? 0) * 100),
      totalBlockingTimeMs: Math.round(
        lhr.audits['total-blocking-time']?.numericValue ?? Number.NaN,
      ),
      cumulativeLayoutShift: lhr.audits['cumulative-layout-shift']?.numericValue ?? Number.NaN,
      largestContentfulPaintMs: Math.round(
        lhr.audits['largest-contentful-paint']?.numericValue ?? Number.NaN,
      ),
    };
  } finally {
    chrome.kill();
  }
}
