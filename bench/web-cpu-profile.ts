import { writeFileSync } from 'node:fs';
import type { Browser, BrowserContextOptions } from 'playwright-core';

/**
 * A page load's JavaScript profile, on a CPU slowed as Lighthouse's mobile run assumes (4×):
 * which functions the long tasks run (Lighthouse's trace names scripts, not functions). Loads
 * `url` with `storageState` until the answer form shows and the page has been quiet a moment,
 * and writes the .cpuprofile (read it with /work/measure/tools/long-tasks.mjs or DevTools).
 */
export async function cpuProfilePageLoad(
  browser: Browser,
  url: string,
  storageState: BrowserContextOptions['storageState'],
  file: string,
): Promise<void> {
  const context = await browser.newContext({ storageState });
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await cdp.send('Profiler.start');
    await page.goto(url);
    await page.getByRole('button', { name: 'Submit answer' }).waitFor();
    await page.waitForTimeout(3_000);
    const { profile } = await cdp.send('Profiler.stop');
    writeFileSync(file, JSON.stringify(profile));
  } finally {
    await context.close();
  }
}
