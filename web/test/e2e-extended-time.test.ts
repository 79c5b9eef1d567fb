/**
 * Extended time in Chromium: the teacher gives Ben 2× from the roster (a select per student, by
 * keyboard); the class's 30 s timer runs out, and Ben still answers on his own time, counted on
 * the dashboard, while Ana (standard time) is refused by the server even when her page, its clock
 * behind, thinks the timer still runs. Ben sees his own countdown; Ana never sees anything about
 * it.
 */
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { assertAccessible, sidewaysOverflow } from './support/browser.ts';
import { chromiumSuite } from './support/chromium-suite.ts';
import { studentJoiner } from './support/join-student.ts';
import { colourDeck } from './support/fixtures.ts';
import { firstLoadJs } from './support/first-load-js.ts';
import { signInInBrowser } from './support/sign-in.ts';

const ARTIFACTS = fileURLToPath(new URL('../test-artifacts', import.meta.url));

/** The seconds a countdown's accessible name says are left. */
async function secondsLeft(page: Page, name: RegExp): Promise<number> {
  const label = (await page.getByRole('timer', { name }).getAttribute('aria-label')) ?? '';
  return Number(/(\d+) seconds left/.exec(label)?.[1]);
}

describe(
  'extended time: a student with 2× answers after the class timer ended',
  { timeout: 300_000 },
  () => {
    const suite = chromiumSuite();
    const contexts: BrowserContext[] = [];
    let dashboard: Page;
    let ana: Page;
    let ben: Page;
    let timerStartedAt = 0;
    let joinCode = '';

    const screenshot = (page: Page, name: string) =>
      page.screenshot({ path: join(ARTIFACTS, `extended-time-${name}.png`), fullPage: true });

    const joinAs = studentJoiner(suite, contexts);

    before(async () => {
      mkdirSync(ARTIFACTS, { recursive: true });
      const teacher = await suite.browser.newContext({
        baseURL: suite.stack.webUrl,
        viewport: { width: 1366, height: 900 },
      });
      contexts.push(teacher);
      dashboard = await teacher.newPage();
      await signInInBrowser(dashboard, suite.stack.owner!);
      const created = await teacher.request.post('/api/decks', { data: { title: 'Colours' } });
      const { id } = (await created.json()) as { id: string };
      const saved = await teacher.request.put(`/api/decks/${id}`, {
        data: colourDeck('Colours'),
      });
      assert.equal(saved.status(), 200, await saved.text());
      await dashboard.goto('/teacher');
      await dashboard.getByRole('button', { name: 'Start session with Colours' }).click();
      await dashboard.waitForURL(/\/teacher\/sessions\/[^/]+$/);
      const code = (
        (await dashboard
          .getByLabel(/^Join code/)
          .first()
          .textContent()) ?? ''
      ).trim();
      joinCode = code;
      ana = await joinAs(code, 'Ana', {}, 60_000);
      ben = await joinAs(code, 'Ben', {
        viewport: { width: 360, height: 740 },
        isMobile: true,
        hasTouch: true,
      });
      await dashboard.getByRole('heading', { name: 'Students (2)' }).waitFor();
    });

    after(async () => {
      for (const context of contexts) await context.close();
    });

    it('the teacher gives Ben 2× time from the roster, by keyboard; the row says so', async () => {
      const select = dashboard.getByRole('combobox', { name: 'Extended time for Ben' });
      assert.equal(await select.inputValue(), 'standard');
      assert.deepEqual(await select.locator('option').allTextContents(), [
        'Standard',
        '1.5× time',
        '2× time',
        'No time limit',
      ]);
      await select.focus();
      // A closed select moves through its options with the arrow keys.
      await dashboard.keyboard.press('ArrowDown');
      await dashboard.keyboard.press('ArrowDown');
      const benRow = dashboard
        .getByRole('row')
        .filter({ has: dashboard.getByRole('rowheader', { name: /Ben/ }) });
      await benRow.getByText('2× time', { exact: true }).first().waitFor();
      assert.equal(await select.inputValue(), 'double');
      const anaRow = dashboard
        .getByRole('row')
        .filter({ has: dashboard.getByRole('rowheader', { name: /Ana/ }) });
      assert.equal(await anaRow.getByRole('rowheader').textContent(), 'Ana', 'no badge for Ana');
      assert.equal(await sidewaysOverflow(dashboard), 0);
      const roster = dashboard.getByRole('group', { name: 'Students (2)' });
      assert.ok(
        await roster.evaluate((el) => el.scrollWidth <= el.clientWidth),
        'the roster fits its panel at 1366 px',
      );
      await assertAccessible(dashboard, 'dashboard with the roster’s extended time');
      await screenshot(dashboard, 'roster');
      // Ben's page now knows his own time; nothing of it reaches Ana's.
      await ben.getByText('Pick a colour').waitFor();
    });

    it('Ben counts down his own time; Ana sees the class timer only', async () => {
      await dashboard.getByLabel('Timer').selectOption({ label: '30 seconds' });
      timerStartedAt = Date.now();
      await dashboard.getByRole('button', { name: 'Start timer' }).click();
      await ben.getByRole('timer', { name: /^Your time: \d+ seconds left$/ }).waitFor();
      const benLeft = await secondsLeft(ben, /^Your time:/);
      assert.ok(benLeft > 30 && benLeft <= 60, `Ben has his own ${benLeft} s`);
      assert.match((await ben.getByRole('timer').innerText()).trim(), /^Your time \d+:\d\d$/);
      await ana.getByRole('timer', { name: /^\d+ seconds left$/ }).waitFor();
      await screenshot(ben, 'own-countdown');
    });

    it('after the class timer ended, Ben answers and the dashboard counts it', async () => {
      // The class's 30 s are over (plus a margin for the server's clock).
      await new Promise((r) => setTimeout(r, Math.max(0, timerStartedAt + 31_000 - Date.now())));
      await ben.getByLabel('Green').check({ force: true });
      await ben.getByRole('button', { name: 'Submit answer' }).click();
      await ben.getByText('✓ Received').waitFor();
      assert.ok(Date.now() > timerStartedAt + 30_000, 'answered after the class deadline');
      await dashboard.getByText('1 of 2 answered').waitFor();
    });

    it('Ana (standard time) is refused by the server, even though her page’s clock says time is left', async () => {
      await ana.getByLabel('Red').check({ force: true });
      await ana.getByRole('button', { name: 'Submit answer' }).click();
      await ana.getByText(/^Not accepted:/).waitFor();
      await dashboard.getByText('1 of 2 answered').waitFor();
      const text = (await ana.locator('body').innerText()).toLowerCase();
      for (const word of ['your time', '2×', 'extended', 'extra'])
        assert.equal(text.includes(word), false, `Ana's page says "${word}"`);
      assert.equal(await ana.getByRole('timer', { name: /^Your time/ }).count(), 0);
      await assertAccessible(ben, 'Ben’s page with his own countdown');
    });

    it('at Ben’s own deadline the slide locks for him too', async () => {
      await ben.getByRole('button', { name: 'Update answer' }).waitFor();
      await new Promise((r) => setTimeout(r, Math.max(0, timerStartedAt + 61_000 - Date.now())));
      await ben.getByText('Answers are locked.').first().waitFor();
      assert.equal(await ben.getByRole('button', { name: 'Update answer' }).isDisabled(), true);
    });

    it('the student page stays within its first-load JS budget (socket path)', async () => {
      // DESIGN.md: 150 KiB gzip; the extended-time arithmetic the page now imports is plain code.
      const js = await firstLoadJs(suite.browser, `${suite.stack.webUrl}/join/${joinCode}`);
      const kib = js.initialBytes / 1024;
      console.log(`student page first-load JS (socket path): ${kib.toFixed(1)} KiB gzip`);
      assert.ok(kib <= 150, `${kib.toFixed(1)} KiB`);
    });

    it('the roster in Arabic: right to left, the same controls by their Arabic names', async () => {
      await dashboard
        .context()
        .addCookies([{ name: 'classpulse-locale', value: 'ar', url: suite.stack.webUrl }]);
      await dashboard.reload();
      assert.equal(await dashboard.locator('html').getAttribute('dir'), 'rtl');
      const select = dashboard.getByRole('combobox', { name: 'وقت إضافي لـ Ben' });
      assert.equal(await select.inputValue(), 'double');
      const benRow = dashboard
        .getByRole('row')
        .filter({ has: dashboard.getByRole('rowheader', { name: /Ben/ }) });
      await benRow.getByText('وقت ×2', { exact: true }).first().waitFor();
      await assertAccessible(dashboard, 'the roster in Arabic');
      await screenshot(dashboard, 'roster-ar');
    });
  },
);
