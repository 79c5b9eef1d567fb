import { gzipSync } from 'node:zlib';
import type { Browser, BrowserContextOptions } from 'playwright-core';

export interface FirstLoadJs {
  /**
   * Next.js's "First Load JS": the scripts the page's HTML itself loads (module browsers skip
   * `nomodule` polyfills). Code the page imports lazily after it is interactive is not in it.
   */
  initialBytes: number;
  /** Every script downloaded until the network is idle, lazily loaded chunks included. */
  untilIdleBytes: number;
}

const gzipped = (body: Buffer): number => gzipSync(body, { level: 6 }).length;

/**
 * JavaScript a first visit downloads, gzip-compressed as a server would send it, measured in a
 * fresh browser context (empty HTTP cache). `storageState` lets a page open as a returning
 * student would (identity in localStorage).
 */
export async function firstLoadJs(
  browser: Browser,
  url: string,
  storageState?: BrowserContextOptions['storageState'],
): Promise<FirstLoadJs> {
  const context = await browser.newContext({
    viewport: { width: 360, height: 740 },
    isMobile: true,
    ...(storageState === undefined ? {} : { storageState }),
  });
  const page = await context.newPage();
  const sizes = new Map<string, Promise<number>>();
  page.on('response', (response) => {
    if (response.request().resourceType() === 'script') {
      sizes.set(
        new URL(response.url()).pathname,
        response.body().then(gzipped, () => 0),
      );
    }
  });
  const document = await page.goto(url, { waitUntil: 'networkidle' });
  const html = (await document?.text()) ?? '';
  await context.close();
  const initial = new Set(
    [...html.matchAll(/<script\b([^>]*)>/g)]
      .map((m) => m[1] ?? '')
      .filter((attributes) => !/\bnomodule\b/i.test(attributes))
      .map((attributes) => /\bsrc="([^"]+)"/.exec(attributes)?.[1])
      .filter((src): src is string => src !== undefined)
      .map((src) => new URL(src.replaceAll('&amp;', '&'), url).pathname),
  );
  let initialBytes = 0;
  let untilIdleBytes = 0;
  for (const [path, size] of sizes) {
    const bytes = await size;
    untilIdleBytes += bytes;
    if (initial.has(path)) initialBytes += bytes;
  }
  return { initialBytes, untilIdleBytes };
}
