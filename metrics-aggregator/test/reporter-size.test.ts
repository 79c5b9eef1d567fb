import assert from 'node:assert/strict';
import { it } from 'node:test';
import { measureReporterSize } from '../scripts/reporter-size.ts';

/** Bytes, not time: what every page pays for the reporter stays small (npm run size prints it). */
it('keeps the reporter under 2 KiB gzip in the page and web-vitals out of it', async () => {
  const size = await measureReporterSize();
  assert.ok(size.reporterGzip <= 2048, `reporter is ${size.reporterGzip} B gzip`);
  assert.ok(size.lazyGzip > 1000, 'web-vitals is its own chunk, loaded after the page');
  assert.ok(size.lazyGzip <= 4096, `web-vitals chunk is ${size.lazyGzip} B gzip`);
});
