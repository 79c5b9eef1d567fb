import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { NETWORK_CHECKS } from '@classpulse/metrics-aggregator/catalog';
import type { Browser, BrowserContext } from 'playwright-core';
import { launchChromium } from './support/browser.ts';
import { reported, waitForReported } from './support/reported-metrics.ts';
import { startStack, type Stack } from './support/stack.ts';

const RESULTS = 'classroom_network_check_results_total';
const TOKEN_ROUTE = '/api/metrics-token';

/**
 * Pages report with the metrics token the web app signed when it served them, and a page open
 * longer than its token renews it and keeps reporting: here a 6 s token, so the network check
 * page renews it twice within a few seconds, then reports a second run of its checks with it.
 */
describe('signed metrics tokens on real pages', { timeout: 300_000 }, () => {
  let stack: Stack;
  let browser: Browser;
  let context: BrowserContext;
  before(async () => {
    stack = await startStack({
      WEB_METRICS_TOKEN_TTL_SECONDS: '6',
      WEB_METRICS_TOKEN_RENEWALS_PER_MINUTE: '30',
    });
    browser = await launchChromium();
    context = await browser.newContext({ baseURL: stack.webUrl });
  });
  after(async () => {
    await context?.close();
    await browser?.close();
    await stack?.stop();
  });

  const rejected = (reason: string) =>
    reported(stack.metricsUrl, 'metrics_aggregator_rejected_total', { reason });

  it('reports with the served token, renews it before it expires, and keeps reporting', async () => {
    const page = await context.newPage();
    const renewals: number[] = [];
    page.on('response', (response) => {
      if (new URL(response.url()).pathname === TOKEN_ROUTE) renewals.push(response.status());
    });
    await page.goto('/network-check');
    const done = page
      .getByRole('status')
      .filter({ hasText: `All ${NETWORK_CHECKS.length} checks done` });
    await done.waitFor({ timeout: 60_000 });
    await waitForReported(
      stack.metricsUrl,
      'classroom_app_loads_total',
      { app: 'network_check', outcome: 'success' },
      1,
    );
    await waitForReported(stack.metricsUrl, RESULTS, {}, NETWORK_CHECKS.length);
    // 6 s tokens are renewed after 3–4.5 s: twice within 12 s.
    const deadline = Date.now() + 20_000;
    while (renewals.filter((s) => s === 200).length < 2) {
      if (Date.now() > deadline) assert.fail(`renewals so far: ${JSON.stringify(renewals)}`);
      await page.waitForTimeout(250);
    }
    await page.getByRole('button', { name: 'Run the checks again' }).click();
    await done.waitFor({ timeout: 60_000 });
    await waitForReported(stack.metricsUrl, RESULTS, {}, 2 * NETWORK_CHECKS.length);
    assert.equal(
      await reported(stack.metricsUrl, RESULTS, { check: 'metrics_endpoint', outcome: 'pass' }),
      2,
      'the metrics endpoint check passes with the renewed token',
    );
    for (const reason of ['token_invalid', 'token_expired', 'outdated_beacon', 'once_per_page'])
      assert.equal(await rejected(reason), 0, reason);
    assert.deepEqual(
      renewals.filter((s) => s !== 200),
      [],
    );
    await page.close();
  });

  it('serves renewals uncached to our pages only, and limits them per source', async () => {
    const post = (body: string, headers: Record<string, string> = {}) =>
      fetch(`${stack.webUrl}${TOKEN_ROUTE}`, {
        method: 'POST',
        headers: { origin: stack.webUrl, 'content-type': 'text/plain', ...headers },
        body,
      });
    const fresh = await post(JSON.stringify({ token: 'forged-or-stale' }));
    assert.equal(fresh.status, 200);
    assert.equal(fresh.headers.get('cache-control'), 'no-store');
    const grant = (await fresh.json()) as { token: string; expiresInSeconds: number };
    assert.match(grant.token, /^[A-Za-z0-9_-]{32}\.[A-Za-z0-9_-]{43}$/);
    assert.equal(grant.expiresInSeconds, 6);
    // A renewal of a genuine token is the same page (the page id is the payload's last 20 characters).
    const renewed = (await (await post(JSON.stringify({ token: grant.token }))).json()) as {
      token: string;
    };
    assert.equal(renewed.token.slice(12, 32), grant.token.slice(12, 32));
    assert.equal((await post(JSON.stringify({ token: 5 }))).status, 400);
    assert.equal(
      (await post('{}', { origin: 'https://evil.example' })).status,
      403,
      'another site cannot',
    );
    const statuses: number[] = [];
    for (let i = 0; i < 40; i += 1) statuses.push((await post('{}')).status);
    assert.ok(statuses.includes(429), `30 per minute: ${statuses.join(' ')}`);
    const limited = await post('{}');
    assert.equal(limited.status, 429);
    assert.ok(Number(limited.headers.get('retry-after')) >= 1);
  });
});
