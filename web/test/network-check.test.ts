import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { NETWORK_CHECKS, type NetworkCheck } from '@classpulse/metrics-aggregator/catalog';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { CHECK_INFO } from '../src/lib/network-check/run.ts';
import { assertAccessible, launchChromium, sidewaysOverflow } from './support/browser.ts';
import { reported, waitForReported } from './support/reported-metrics.ts';
import { startFirebaseStack, type FirebaseStack } from './support/firebase-stack.ts';
import type { Stack } from './support/stack.ts';

const ARTIFACTS = fileURLToPath(new URL('../test-artifacts', import.meta.url));
const PROJECT_ID = 'classpulse-e2e';
const METRIC = 'classroom_network_check_results_total';

type Outcome = 'Pass' | 'Warning' | 'Fail' | 'Not applicable';

/** One check's result on the page, found by its heading (the list item's name). */
function checkItem(page: Page, check: NetworkCheck) {
  return page.getByRole('listitem', { name: CHECK_INFO[check].title, exact: true });
}

/** Opens the page, waits for the polite status to say every check is done, reads each result. */
async function runChecks(
  page: Page,
): Promise<Record<NetworkCheck, { outcome: Outcome; text: string }>> {
  await page.goto('/network-check');
  await page
    .getByRole('status')
    .filter({ hasText: `All ${NETWORK_CHECKS.length} checks done` })
    .waitFor({ timeout: 60_000 });
  const results = {} as Record<NetworkCheck, { outcome: Outcome; text: string }>;
  for (const check of NETWORK_CHECKS) {
    const text = await checkItem(page, check).innerText();
    const outcome = /Result:\s*(Pass|Warning|Fail|Not applicable)/.exec(text)?.[1] as Outcome;
    assert.ok(outcome, `${check} shows a result:\n${text}`);
    results[check] = { outcome, text };
  }
  return results;
}

function outcomes(results: Record<NetworkCheck, { outcome: Outcome }>) {
  return Object.fromEntries(NETWORK_CHECKS.map((c) => [c, results[c].outcome]));
}

describe('the network check page in Chromium', { timeout: 600_000 }, () => {
  let browser: Browser;
  before(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
  });

  describe('against the whole local stack in Firebase mode', () => {
    let running: FirebaseStack;
    let stack: Stack;
    let context: BrowserContext;
    let page: Page;
    before(async () => {
      running = await startFirebaseStack(PROJECT_ID);
      stack = running.stack;
      context = await browser.newContext({
        baseURL: stack.webUrl,
        viewport: { width: 1280, height: 900 },
        acceptDownloads: true,
      });
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], {
        origin: stack.webUrl,
      });
      page = await context.newPage();
    });
    after(async () => {
      await context?.close();
      await running?.stop();
    });

    it('is linked from the home and join pages', async () => {
      await page.goto('/');
      await page.getByRole('link', { name: 'Check your school’s network' }).click();
      await page.getByRole('heading', { level: 1, name: 'Network check' }).waitFor();
      await page.goto('/join');
      await page.getByRole('link', { name: 'Check your school’s network' }).waitFor();
    });

    it('passes every check; TLS is not applicable over plain HTTP, and says why', async () => {
      const results = await runChecks(page);
      assert.deepEqual(outcomes(results), {
        web_origin: 'Pass',
        clock_skew: 'Pass',
        realtime_websocket: 'Pass',
        realtime_polling: 'Pass',
        firebase_websocket: 'Pass',
        firebase_rest: 'Pass',
        firebase_auth: 'Pass',
        metrics_endpoint: 'Pass',
        tls_interception: 'Not applicable',
      });
      assert.match(results.tls_interception.text, /not loaded over HTTPS/);
      // The live connection really went through the protocol (a ping answered), not just a socket.
      assert.match(results.realtime_websocket.text, /round trip/);
      assert.match(results.realtime_polling.text, /round trip/);
      const realtime = new URL(stack.realtimeUrl);
      assert.ok(
        results.realtime_websocket.text.includes(
          `${realtime.hostname} port ${realtime.port} (WebSocket, ws://)`,
        ),
        results.realtime_websocket.text,
      );
      await page.screenshot({ path: join(ARTIFACTS, 'network-check.png'), fullPage: true });
    });

    it('sent one result per check to the aggregator, and its page load', async () => {
      for (const check of NETWORK_CHECKS) {
        const outcome = check === 'tls_interception' ? 'not_applicable' : 'pass';
        await waitForReported(stack.metricsUrl, METRIC, { check, outcome }, 1);
      }
      await waitForReported(
        stack.metricsUrl,
        'classroom_app_loads_total',
        { app: 'network_check', outcome: 'success' },
        1,
      );
      assert.equal(await reported(stack.metricsUrl, METRIC, { outcome: 'fail' }), 0);
    });

    it('copies and downloads the same plain-text summary', async () => {
      const summary = await page.getByLabel('Summary text').inputValue();
      assert.match(summary, /^Classpulse network check\n/);
      assert.ok(summary.includes(`Deployment: ${stack.webUrl}`), summary);
      assert.match(summary, /Browser: Mozilla\/5\.0/);
      assert.match(summary, /Result: 8 passed, 0 warnings, 0 failed, 1 not applicable/);
      assert.match(summary, /\[PASS\] Live connection over WebSocket \(realtime_websocket\)/);
      assert.match(summary, /\[NOT APPLICABLE\] HTTPS inspection \(tls_interception\)/);
      assert.match(summary, /Allow-list for this Classpulse deployment:/);

      await page.getByRole('button', { name: 'Copy summary' }).click();
      await page.getByRole('status').filter({ hasText: 'Summary copied.' }).waitFor();
      const copied = await page.evaluate(() => navigator.clipboard.readText());
      assert.equal(copied, summary);

      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Download summary' }).click(),
      ]);
      assert.match(download.suggestedFilename(), /^classpulse-network-check-\d{12}\.txt$/);
      assert.equal(readFileSync(await download.path(), 'utf8'), summary);
    });

    it('has no serious accessibility violations, and runs again from the keyboard', async () => {
      await assertAccessible(page, 'the network check page');
      const again = page.getByRole('button', { name: 'Run the checks again' });
      await again.focus();
      await page.keyboard.press('Enter');
      await page
        .getByRole('status')
        .filter({ hasText: /Checking… \d of 9 done/ })
        .waitFor();
      await page
        .getByRole('status')
        .filter({ hasText: `All ${NETWORK_CHECKS.length} checks done: 8 passed` })
        .waitFor({ timeout: 60_000 });
    });

    it('fits a 360 px phone without sideways scrolling', async () => {
      const phone = await browser.newContext({
        baseURL: stack.webUrl,
        viewport: { width: 360, height: 740 },
        isMobile: true,
        hasTouch: true,
      });
      try {
        const small = await phone.newPage();
        await runChecks(small);
        // Open every "Technical details" too: the longest lines live there.
        for (const summary of await small.getByText('Technical details').all())
          await summary.click();
        const overflow = await sidewaysOverflow(small);
        assert.equal(overflow, 0, 'horizontal overflow in px');
        await small.screenshot({
          path: join(ARTIFACTS, 'network-check-phone.png'),
          fullPage: true,
        });
      } finally {
        await phone.close();
      }
    });
  });

  describe('with the realtime tier down (the launcher runs without it)', () => {
    let running: FirebaseStack;
    let context: BrowserContext;
    before(async () => {
      running = await startFirebaseStack(PROJECT_ID, {}, { realtime: false });
      context = await browser.newContext({ baseURL: running.stack.webUrl });
    });
    after(async () => {
      await context?.close();
      await running?.stop();
    });

    it('fails the WebSocket and polling checks with advice naming the realtime host; the rest pass', async () => {
      const page = await context.newPage();
      const results = await runChecks(page);
      assert.deepEqual(outcomes(results), {
        web_origin: 'Pass',
        clock_skew: 'Pass',
        realtime_websocket: 'Fail',
        realtime_polling: 'Fail',
        firebase_websocket: 'Pass',
        firebase_rest: 'Pass',
        firebase_auth: 'Pass',
        metrics_endpoint: 'Pass',
        tls_interception: 'Not applicable',
      });
      const realtime = new URL(running.stack.realtimeUrl);
      const websocket = results.realtime_websocket.text;
      assert.match(websocket, /No WebSocket connection to 127\.0\.0\.1:\d+/);
      assert.ok(
        websocket.includes(
          `Allow WebSocket connections (the HTTP Upgrade request) to ${realtime.hostname} port ${realtime.port}`,
        ),
        websocket,
      );
      // Nothing listens there: refused at once, and the browser cannot say by whom.
      assert.match(websocket, /refused or cut off at once/);
      assert.match(websocket, /Plain HTTP requests to that server failed too/);
      assert.ok(
        results.realtime_polling.text.includes(
          `Allow HTTP requests to ${realtime.hostname} port ${realtime.port}`,
        ),
        results.realtime_polling.text,
      );
      await page.screenshot({
        path: join(ARTIFACTS, 'network-check-realtime-down.png'),
        fullPage: true,
      });

      for (const check of ['realtime_websocket', 'realtime_polling'] as const)
        await waitForReported(running.stack.metricsUrl, METRIC, { check, outcome: 'fail' }, 1);
      for (const check of ['web_origin', 'firebase_websocket', 'metrics_endpoint'] as const)
        await waitForReported(running.stack.metricsUrl, METRIC, { check, outcome: 'pass' }, 1);
    });
  });
});
