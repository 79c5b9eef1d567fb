import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';

/**
 * JavaScript a first visit downloads, gzip-compressed as a server would send it: every script
 * response until the page is idle, measured in a fresh browser context (empty cache).
 */
export async function firstLoadJsGzipBytes(browser: Browser, url: string): Promise<number> {
  const context = await browser.newContext({
    viewport: { width: 360, height: 740 },
    isMobile: true,
  });
  const page = await context.newPage();
  const sizes: Promise<number>[] = [];
  page.on('response', (response) => {
    if (response.request().resourceType() === 'script') {
      sizes.push(
        response.body().then(
          (body) => gzipSync(body, { level: 6 }).length,
          () => 0,
        ),
      );
    }
  });
  await page.goto(url, { waitUntil: 'networkidle' });
  const total = (await Promise.all(sizes)).reduce((a, b) => a + b, 0);
  await context.close();
  return total;
}
