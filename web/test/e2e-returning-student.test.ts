/**
 * A returning student (this browser already joined the session) goes straight back to their
 * class: the "Your name" form never shows, not even for the frames before the page hydrates (a
 * student who started typing in it would lose the name). Recorded in real Chromium from the first
 * byte of the page on: every DOM change and every animation frame checks whether the name field
 * is visible. Both transports: our realtime tier (socket) and Firebase (the local stand-ins).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from './support/browser.ts';
import { startFirebaseStack } from './support/firebase-stack.ts';
import { colourDeck } from './support/fixtures.ts';
import { joinStudent } from './support/join-student.ts';
import { signInCookie } from './support/sign-in.ts';
import { startSessionOf } from './support/start-session.ts';
import { startStack, type Stack } from './support/stack.ts';

/** What the name-form recorder saw since the page started loading. */
interface Seen {
  nameFormVisible: boolean;
  checks: number;
}

/**
 * Installed before any of the page's own scripts: whether a field labelled "Your name" is ever
 * visible, checked on every DOM mutation and every frame until the test reads it. Plain script
 * text: a function would reach the page as the test's transpiled code, with its helpers missing.
 */
const RECORD_NAME_FORM = `(() => {
  const seen = { nameFormVisible: false, checks: 0 };
  window.__nameForm = seen;
  const check = () => {
    seen.checks++;
    for (const label of document.querySelectorAll('label')) {
      if (label.textContent.trim() !== 'Your name') continue;
      if (label.control && label.control.checkVisibility()) seen.nameFormVisible = true;
    }
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true, attributes: true });
  const frame = () => {
    check();
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
})();`;

const seenOn = (page: Page) =>
  page.evaluate(() => (window as unknown as { __nameForm: Seen }).__nameForm);

function returningStudentSuite(
  transport: string,
  start: () => Promise<{ stack: Stack; stop(): Promise<void> }>,
) {
  describe(`a returning student on the ${transport} transport`, { timeout: 240_000 }, () => {
    let running: { stack: Stack; stop(): Promise<void> };
    let browser: Browser;
    let joinCode: string;
    const contexts: BrowserContext[] = [];

    before(async () => {
      running = await start();
      browser = await launchChromium();
      const cookie = await signInCookie(running.stack.webUrl, running.stack.owner!);
      ({ joinCode } = await startSessionOf(running.stack.webUrl, cookie, colourDeck('Colours')));
    });
    after(async () => {
      for (const context of contexts) await context.close().catch(() => undefined);
      await browser?.close();
      await running?.stop();
    });

    it('a new student sees the name form (the recorder sees it)', async () => {
      const context = await browser.newContext({ baseURL: running.stack.webUrl });
      contexts.push(context);
      await context.addInitScript({ content: RECORD_NAME_FORM });
      const page = await context.newPage();
      await page.goto(`/join/${joinCode}`);
      await page.getByLabel('Your name').waitFor();
      assert.equal((await seenOn(page)).nameFormVisible, true);
    });

    it('never sees the name form again: a reload and a new tab resume at once', async () => {
      const page = await joinStudent(browser, running.stack.webUrl, contexts, joinCode, 'Ada');
      await page.context().addInitScript({ content: RECORD_NAME_FORM });
      const joinRequests: string[] = [];
      page.on('request', (r) => {
        if (new URL(r.url()).pathname === '/api/join') joinRequests.push(r.method());
      });

      await page.reload();
      await page.getByRole('heading', { name: 'Ada', exact: true }).waitFor();
      const reloaded = await seenOn(page);
      assert.ok(reloaded.checks > 0, 'the recorder ran');
      assert.equal(reloaded.nameFormVisible, false, 'the name form showed on reload');
      // Firebase: the custom token the join route gave minutes ago signs in again at once.
      if (transport === 'Firebase') {
        await page.getByLabel('Red').check();
        await page.getByRole('button', { name: 'Submit answer' }).click();
        await page.getByText('✓ Received').waitFor();
        assert.deepEqual(joinRequests, [], 'a reload asked the join route again');
      }

      const again = await page.context().newPage();
      await again.goto(`/join/${joinCode}`);
      await again.getByRole('heading', { name: 'Ada', exact: true }).waitFor();
      assert.equal(
        (await seenOn(again)).nameFormVisible,
        false,
        'the name form showed in a new tab',
      );
    });

    it('the last view paints before the page runs any of its scripts, then the live one replaces it', async () => {
      const page = await joinStudent(browser, running.stack.webUrl, contexts, joinCode, 'Cy');
      await page.getByLabel('Green').check();
      await page.getByRole('button', { name: 'Submit answer' }).click();
      await page.getByText('✓ Received').waitFor();
      // The live page keeps its copy when the browser is idle.
      await page.waitForFunction(() =>
        Object.keys(localStorage).some(
          (key) =>
            key.startsWith('classpulse:v1:paint:') &&
            localStorage.getItem(key)?.includes('Received'),
        ),
      );

      // No script of the page's own loads: no hydration, no session client, only the inline ones.
      await page.route('**/_next/static/chunks/**', (route) => route.abort());
      await page.reload();
      const copy = page.locator('[data-student-kept-paint]');
      await copy.getByRole('heading', { name: 'Cy', exact: true, includeHidden: true }).waitFor();
      await copy.getByText('✓ Received').waitFor();
      assert.equal(await copy.locator('input[type=radio][value="g"]:checked').count(), 1);
      assert.equal(await copy.getAttribute('inert'), '', 'the copy takes no taps');
      assert.equal(await page.getByText('Connecting to your class…').isVisible(), false);

      // With its scripts, the live view takes the copy's place.
      await page.unroute('**/_next/static/chunks/**');
      await page.reload();
      await copy.waitFor({ state: 'detached' });
      await page.getByRole('heading', { name: 'Cy', exact: true }).waitFor();
      await page.getByText('✓ Received').waitFor();
      assert.equal(await page.getByLabel('Green').isChecked(), true);
    });

    it('an answer received before a reload is still received after it', async () => {
      const page = await joinStudent(browser, running.stack.webUrl, contexts, joinCode, 'Bo');
      await page.getByLabel('Green').check();
      await page.getByRole('button', { name: 'Submit answer' }).click();
      await page.getByText('✓ Received').waitFor();
      await page.reload();
      // The live view, not the copy the page paints first from the device.
      await page.locator('[data-student-kept-paint]').waitFor({ state: 'detached' });
      await page.getByRole('heading', { name: 'Bo', exact: true }).waitFor();
      await page.getByText('✓ Received').waitFor();
      await page.getByRole('radio', { name: 'Green', checked: true }).waitFor();
    });
  });
}

returningStudentSuite('socket', async () => {
  const stack = await startStack();
  return { stack, stop: () => stack.stop() };
});
returningStudentSuite('Firebase', () => startFirebaseStack('classpulse-returning'));
