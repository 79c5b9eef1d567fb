import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import type { AggregatorServer } from '../src/server/index.ts';
import { scrape, startAggregator } from './support/aggregator.ts';
import { sample } from './support/exposition.ts';
import { launchChromium, startReporterSite, type ReporterSite } from './support/reporter-page.ts';

/**
 * The reporter in real Chromium, reporting to a real aggregator on another origin: what a page
 * experiences arrives as catalog metrics, through sendBeacon when the page is left.
 */
describe('browser reporter in Chromium', () => {
  let aggregator: AggregatorServer;
  let site: ReporterSite;
  let browser: Browser;
  before(async () => {
    aggregator = await startAggregator({ AGGREGATOR_PAGE_EVENTS_BURST: '5000' });
    site = await startReporterSite();
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await site?.close();
    await aggregator?.close();
  });

  /**
   * Opens a page running `script` (module code; `start(app, extra)` starts the reporter with the
   * page token the site signed, lasting `ttl` seconds, and the site's renewal route).
   */
  async function open(
    script: string,
    ttl = 3600,
    failRenewals = 0,
  ): Promise<{ page: Page; pageErrors: string[] }> {
    const page = await browser.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    const prelude = `import { startPageMetrics } from '/reporter.js';
      const start = (app, extra = {}) => startPageMetrics({ app, token: grant, tokenRefreshUrl: '/metrics-token', endpoint: '${aggregator.url}/v1/beacon', flushIntervalMs: 200, ...extra });`;
    await page.goto(
      `${site.url}/page.html?ttl=${ttl}&failRenewals=${failRenewals}&script=${encodeURIComponent(`${prelude}\n${script}`)}`,
    );
    return { page, pageErrors };
  }

  async function metric(series: string): Promise<number> {
    return sample((await scrape(aggregator)).text, series);
  }

  async function until(series: string, expected: number): Promise<void> {
    const deadline = Date.now() + 15_000;
    for (;;) {
      const value = await metric(series);
      if (value === expected) return;
      if (Date.now() > deadline) assert.fail(`${series} is ${value}, expected ${expected}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  it('reports a successful load with its time to interactive and the page’s web vitals when it is left', async () => {
    const { page, pageErrors } = await open(
      `const m = start('student'); setTimeout(() => m.interactive(), 50); window.done = true;`,
    );
    await page.waitForFunction(() => (window as unknown as { done?: boolean }).done);
    await page.click('h1'); // an interaction, so INP has something to measure
    await page.waitForTimeout(300);
    await page.goto('about:blank'); // pagehide: the remaining events leave by sendBeacon
    await until('classroom_app_loads_total{app="student",outcome="success"}', 1);
    await until('classroom_app_load_duration_seconds_count{app="student"}', 1);
    await until('classroom_web_vitals_lcp_seconds_count{app="student"}', 1);
    for (const vital of ['fcp_seconds', 'ttfb_seconds', 'cls'])
      await until(`classroom_web_vitals_${vital}_count{app="student"}`, 1);
    assert.ok((await metric('classroom_client_heartbeats_total{app="student"}')) >= 1);
    assert.ok((await metric('classroom_app_load_duration_seconds_sum{app="student"}')) < 30);
    assert.deepEqual(pageErrors, []);
    await page.close();
  });

  it('counts errors by kind only, and a page that fails before it is interactive as an error', async () => {
    const { page } = await open(`start('teacher');
      setTimeout(() => { throw new Error('boom: student Alice said hi'); }, 0);
      Promise.reject(new Error('rejected'));
      import('/no-such-chunk.js').catch(e => Promise.reject(e));
      const s = document.createElement('script'); s.src = '/missing.js'; document.body.append(s);`);
    await until('classroom_client_errors_total{app="teacher",kind="uncaught_error"}', 1);
    await until('classroom_client_errors_total{app="teacher",kind="unhandled_rejection"}', 1);
    await until('classroom_client_errors_total{app="teacher",kind="chunk_load"}', 1);
    await until('classroom_client_errors_total{app="teacher",kind="resource_load"}', 1);
    await page.goto('about:blank');
    await until('classroom_app_loads_total{app="teacher",outcome="error"}', 1);
    assert.equal(await metric('classroom_app_loads_total{app="teacher",outcome="success"}'), 0);
    assert.doesNotMatch(
      (await scrape(aggregator)).text,
      /Alice|boom/,
      'no message reaches a label',
    );
  });

  it('counts a page left before it became interactive as abandoned, and a slow one as a timeout', async () => {
    const left = await open(`start('projector'); window.done = true;`);
    await left.page.waitForFunction(() => (window as unknown as { done?: boolean }).done);
    await left.page.goto('about:blank');
    await until('classroom_app_loads_total{app="projector",outcome="abandoned"}', 1);
    await left.page.close();
    const slow = await open(`start('network_check', { loadTimeoutMs: 300 });`);
    await until('classroom_app_loads_total{app="network_check",outcome="timeout"}', 1);
    await slow.page.close();
  });

  it('splits a large burst into beacons under the size cap, and never throws when sending fails', async () => {
    const { page, pageErrors } = await open(`const m = start('student', { flushIntervalMs: 60000 });
      for (let i = 0; i < 400; i += 1) m.observe('classroom_ws_dark_launch_rtt_seconds', { app: 'student', transport: 'websocket' }, 0.01 + (i % 50) / 1000);
      m.flush();
      // A browser whose beacon and fetch both fail: calls return normally, nothing is thrown.
      navigator.sendBeacon = () => { throw new Error('blocked'); };
      window.fetch = () => Promise.reject(new TypeError('offline'));
      m.count('classroom_client_heartbeats_total', { app: 'student' }); m.flush();
      m.observe('classroom_web_vitals_cls', { app: 'student' }, Number.NaN);
      m.connection('socket', 'connected');
      window.done = true;`);
    await page.waitForFunction(() => (window as unknown as { done?: boolean }).done);
    await until(
      'classroom_ws_dark_launch_rtt_seconds_count{app="student",transport="websocket"}',
      400,
    );
    assert.deepEqual(pageErrors, []);
    assert.equal(await metric('metrics_aggregator_rejected_total{reason="body_too_large"}'), 0);
    assert.equal(await metric('metrics_aggregator_rejected_total{reason="too_many_events"}'), 0);
    await page.close();
  });

  it('renews its token before it expires and keeps reporting as the same page', async () => {
    const before = site.signed.length;
    // A 4 s token: renewed after 2–3 s, again 2–3 s later.
    const { page, pageErrors } = await open(
      `const m = start('projector', { flushIntervalMs: 60000 }); m.interactive(); m.flush(); window.m = m;`,
      4,
    );
    await until('classroom_app_loads_total{app="projector",outcome="success"}', 1);
    const deadline = Date.now() + 20_000;
    while (site.signed.slice(before).filter((s) => s.renewal).length < 2) {
      if (Date.now() > deadline) assert.fail('the token was not renewed twice');
      await page.waitForTimeout(200);
    }
    const mine = site.signed.slice(before);
    assert.ok(
      mine.every((s) => s.pageId === mine[0]!.pageId),
      'renewals keep the page id',
    );
    const token = await page.evaluate(() =>
      (window as unknown as { m: { token(): string } }).m.token(),
    );
    assert.notEqual(token, '', 'the page holds a token');
    await page.evaluate(() => {
      const m = (window as unknown as { m: { count(n: string, l: object): void; flush(): void } })
        .m;
      m.count('classroom_ws_dark_launch_reconnects_total', {
        app: 'projector',
        transport: 'polling',
      });
      m.flush();
    });
    await until(
      'classroom_ws_dark_launch_reconnects_total{app="projector",transport="polling"}',
      1,
    );
    const text = (await scrape(aggregator)).text;
    for (const reason of ['token_invalid', 'token_expired', 'once_per_page'])
      assert.equal(
        sample(text, `metrics_aggregator_rejected_total{reason="${reason}"}`),
        0,
        reason,
      );
    assert.deepEqual(pageErrors, []);
    await page.close();
  });

  it('holds events back while its token has expired, and sends them once a renewal succeeds', async () => {
    const before = site.signed.length;
    // A 2 s token whose first renewal fails: the retry comes 15 s later, the token expires first.
    const { page, pageErrors } = await open(
      `window.m = start('projector', { flushIntervalMs: 200 }); window.m.flush();`,
      2,
      1,
    );
    const beacons: Array<{ at: number; body: string }> = [];
    page.on('request', (request) => {
      if (request.url().endsWith('/v1/beacon'))
        beacons.push({ at: Date.now(), body: request.postData() ?? '' });
    });
    await page.waitForTimeout(2_500); // the token has expired by now
    const expiredAt = Date.now();
    await page.evaluate(() => {
      const m = (window as unknown as { m: { count(n: string, l: object): void } }).m;
      m.count('classroom_ws_dark_launch_disconnects_total', { app: 'projector', reason: 'other' });
    });
    await until('classroom_ws_dark_launch_disconnects_total{app="projector",reason="other"}', 1);
    const renewal = site.signed.slice(before).find((s) => s.renewal);
    assert.ok(renewal, 'renewed after the failure');
    assert.equal(renewal.pageId, site.signed[before]!.pageId);
    const sent = beacons.filter((b) => b.at >= expiredAt);
    assert.ok(sent.length >= 1);
    assert.ok(sent[0]!.at - expiredAt > 10_000, 'nothing was sent until the retry 15 s later');
    assert.equal((JSON.parse(sent[0]!.body) as { t: string }).t, renewal.token);
    assert.deepEqual(pageErrors, []);
    await page.close();
  });
});
