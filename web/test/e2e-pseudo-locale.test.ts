/**
 * Every page in the pseudo-locale (en-XA: catalog strings accented and 40% longer): a page fails
 * when it shows or names anything in plain ASCII letters (text that did not come from a catalog),
 * or when text overflows its box. The deck, the student's name and the uploads are pseudo-accented
 * too, so only interface text is under test. Student pages at 360 px, teacher pages at 1366 px, the
 * projector at 1920×1080. Screenshots go to test-artifacts/pseudo-*.png.
 */
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { DeckInput } from '@classpulse/realtime/protocol';
import type { BrowserContext, Page } from 'playwright-core';
import { pseudoMessage } from '../src/i18n/catalogs/pseudo-locale.ts';
import { LOCALE_COOKIE, PSEUDO_LOCALE } from '../src/i18n/locales.ts';
import { uncataloguedText } from './support/catalog-text.ts';
import { chromiumSuite } from './support/chromium-suite.ts';
import { everyKindDeck, solidPng } from './support/fixtures.ts';
import { signInInBrowser } from './support/sign-in.ts';
import { OWNER } from './support/stack.ts';

const ARTIFACTS = fileURLToPath(new URL('../test-artifacts', import.meta.url));

/** Text fields of a deck a teacher writes: pseudo-accented like the interface around them. */
const CONTENT_KEYS = new Set([
  'title',
  'body',
  'prompt',
  'label',
  'minLabel',
  'maxLabel',
  'imageAlt',
  'alt',
]);

function pseudoDeck<T>(value: T): T {
  if (Array.isArray(value)) return value.map(pseudoDeck) as T;
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [
        k,
        typeof v === 'string' && CONTENT_KEYS.has(k) ? pseudoMessage(v) : pseudoDeck(v),
      ]),
    ) as T;
  return value;
}

async function inPseudoLocale(context: BrowserContext, url: string): Promise<void> {
  await context.addCookies([{ name: LOCALE_COOKIE, value: PSEUDO_LOCALE, url }]);
}

describe('every page in the pseudo-locale', { timeout: 600_000 }, () => {
  const suite = chromiumSuite();
  const failures: string[] = [];

  async function check(page: Page, name: string): Promise<void> {
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(300);
    await mkdir(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, `pseudo-${name}.png`), fullPage: true });
    assert.equal(await page.getAttribute('html', 'lang'), PSEUDO_LOCALE, `${name}: <html lang>`);
    const found = await uncataloguedText(page);
    for (const s of found.strings) failures.push(`${name}: not from a catalog: ${s}`);
    for (const s of found.overflowing) failures.push(`${name}: overflows its box: ${s}`);
  }

  it('shows only catalog text, none of it overflowing', async () => {
    const { stack, browser } = suite;
    const teacherContext = await browser.newContext({
      baseURL: stack.webUrl,
      viewport: { width: 1366, height: 768 },
    });
    const teacher = await teacherContext.newPage();
    // Pages before signing in.
    await inPseudoLocale(teacherContext, stack.webUrl);
    for (const [path, name] of [
      ['/', 'home'],
      ['/teacher/login', 'login'],
      ['/reset-password#not-a-real-token', 'reset-password'],
      ['/invitation#not-a-real-token', 'invitation'],
      ['/network-check', 'network-check'],
    ] as const) {
      await teacher.goto(path);
      await check(teacher, name);
    }

    // The teacher's pages: sign in (in English, by label), then read them in en-XA.
    await teacherContext.clearCookies();
    await signInInBrowser(teacher, OWNER);
    const upload = await teacher.request.post('/api/uploads', {
      multipart: {
        file: {
          name: 'square.png',
          mimeType: 'image/png',
          buffer: solidPng(64, 48, [34, 139, 34]),
        },
      },
    });
    assert.equal(upload.status(), 201);
    const { url: mapUrl } = (await upload.json()) as { url: string };
    const deck: DeckInput = pseudoDeck(everyKindDeck(mapUrl));
    const created = await teacher.request.post('/api/decks', { data: { title: deck.title } });
    const { id: deckId } = (await created.json()) as { id: string };
    assert.equal((await teacher.request.put(`/api/decks/${deckId}`, { data: deck })).status(), 200);
    const started = await teacher.request.post('/api/sessions', { data: { deckId } });
    const { sessionId, joinCode } = (await started.json()) as {
      sessionId: string;
      joinCode: string;
    };

    // A student joins and answers in English, then reads the page in en-XA.
    const studentContext = await browser.newContext({
      baseURL: stack.webUrl,
      viewport: { width: 360, height: 740 },
      isMobile: true,
    });
    const student = await studentContext.newPage();
    await inPseudoLocale(studentContext, stack.webUrl);
    await student.goto('/join');
    await check(student, 'join');
    await student.goto(`/join/${joinCode}`);
    await check(student, 'name-form');
    await studentContext.clearCookies();
    await student.reload();
    await student.getByLabel('Your name').fill(pseudoMessage('Ana'));
    await student.getByRole('button', { name: 'Join' }).click();
    await student.getByRole('radio').first().check();
    await student.getByRole('button', { name: 'Submit answer' }).click();
    await student.getByText('✓ Received').waitFor();
    await inPseudoLocale(studentContext, stack.webUrl);
    await student.reload();
    await check(student, 'student-answered');

    await inPseudoLocale(teacherContext, stack.webUrl);
    for (const [path, name] of [
      ['/teacher', 'library'],
      [`/teacher/decks/${deckId}`, 'editor'],
      ['/teacher/import', 'import'],
      ['/teacher/admin', 'admin'],
      [`/teacher/sessions/${sessionId}`, 'dashboard'],
      [`/teacher/sessions/${sessionId}/report`, 'report'],
      [`/teacher/sessions/${sessionId}/health`, 'health'],
    ] as const) {
      await teacher.goto(path);
      await check(teacher, name);
    }
    await teacher.setViewportSize({ width: 1920, height: 1080 });
    await teacher.goto(`/teacher/sessions/${sessionId}/projector`);
    await check(teacher, 'projector');

    assert.deepEqual(failures, []);
  });
});
