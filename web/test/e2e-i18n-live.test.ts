import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { Answer, DeckInput, Slide } from '@classpulse/realtime/protocol';
import type { BrowserContext, Page } from 'playwright-core';
import { LOCALE_COOKIE } from '../src/i18n/locales.ts';
import { assertAccessible, sidewaysOverflow } from './support/browser.ts';
import { chromiumSuite } from './support/chromium-suite.ts';
import { seedAnswers } from './support/seed-answers.ts';
import { signInCookie } from './support/sign-in.ts';
import { startStack, type Stack } from './support/stack.ts';
import { startSessionOf } from './support/start-session.ts';

/*
 * The live teacher screens in other languages: an Arabic teacher's dashboard and report, right to
 * left (bars grow from the right), numbers and times formatted for Arabic; a Spanish deck's
 * projector in Spanish at 1920×1080 whatever the teacher's own language, with Spanish numbers.
 * Screenshots go to test-artifacts/ (i18n-*.png) to be looked at.
 */

const ARTIFACTS = fileURLToPath(new URL('../test-artifacts', import.meta.url));
const LAPTOP = { width: 1366, height: 900 };
const PROJECTOR = { width: 1920, height: 1080 };
const STUDENTS = 30;

const choiceSlide = (prompt: string, labels: string[]): DeckInput['slides'][number] => ({
  id: 'capital',
  title: prompt,
  question: {
    kind: 'multiple-choice',
    prompt,
    options: labels.map((label, i) => ({ id: `o${i}`, label })),
    correctOptionIds: ['o0'],
  },
});

const englishDeck: DeckInput = {
  title: 'Capitals',
  slides: [choiceSlide('Capital of France?', ['Paris', 'Lyon', 'Marseille'])],
};

const spanishDeck: DeckInput = {
  title: 'Capitales',
  language: 'es-MX',
  slides: [choiceSlide('¿Cuál es la capital de Francia?', ['París', 'Lyon', 'Marsella'])],
};

/** Student `i` picks the first option two times in three: 20 of 30, 67%. */
function answerFor(i: number, _round: number, slide: Slide): Answer | null {
  const question = slide.question;
  if (question?.kind !== 'multiple-choice') return null;
  return { kind: 'multiple-choice', optionIds: [question.options[i % 3 === 2 ? 1 : 0]!.id] };
}

const sessions = { english: '', spanish: '' };

async function seededStack(): Promise<Stack> {
  const stack = await startStack();
  try {
    const cookie = await signInCookie(stack.webUrl, stack.owner!);
    sessions.english = (await startSessionOf(stack.webUrl, cookie, englishDeck)).sessionId;
    sessions.spanish = (await startSessionOf(stack.webUrl, cookie, spanishDeck)).sessionId;
    await stack.kill();
    for (const sessionId of [sessions.english, sessions.spanish])
      await seedAnswers({
        dataDir: stack.dataDir,
        sessionId,
        students: STUDENTS,
        answersPerSlide: 1,
        answerFor,
      });
    await stack.restart();
  } catch (error) {
    await stack.stop();
    throw error;
  }
  return stack;
}

/** A signed-in teacher whose chosen interface language is `locale`. */
async function teacherIn(
  suite: ReturnType<typeof chromiumSuite>,
  locale: string,
  viewport: { width: number; height: number },
): Promise<BrowserContext> {
  const context = await suite.browser.newContext({ baseURL: suite.stack.webUrl, viewport });
  const [name = '', value = ''] = (await signInCookie(suite.stack.webUrl, suite.stack.owner!))
    .split('=')
    .map((part, i, all) => (i === 0 ? part : all.slice(1).join('=')));
  await context.addCookies([
    { name, value, url: suite.stack.webUrl },
    { name: LOCALE_COOKIE, value: locale, url: suite.stack.webUrl },
  ]);
  return context;
}

/** A count as Arabic writes it (Latin or Arabic-Indic digits, as this ICU has it). */
const arabic = (n: number) => new Intl.NumberFormat('ar').format(n);

/** The share of the first option (20 of 30) as `locale` writes a whole percentage. */
const twoThirds = (locale: string) =>
  new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(20 / 30);

/** The bar chart's first bar: where its fill sits inside its track, in page pixels. */
function firstBar(page: Page, chartName: string) {
  return page.evaluate((name) => {
    const chart = [...document.querySelectorAll('[role="img"]')].find((el) =>
      el.getAttribute('aria-label')?.startsWith(name),
    );
    const track = chart?.querySelector('svg');
    const fill = track?.querySelectorAll('rect')[1];
    const outer = track?.getBoundingClientRect();
    const inner = fill?.getBoundingClientRect();
    return outer && inner
      ? { trackLeft: outer.left, trackRight: outer.right, left: inner.left, right: inner.right }
      : null;
  }, chartName);
}

describe('live teacher screens in Arabic and Spanish', () => {
  const suite = chromiumSuite(seededStack);
  const shot = (page: Page, file: string) =>
    page.screenshot({ path: join(ARTIFACTS, `i18n-${file}.png`), fullPage: true });

  before(() => mkdirSync(ARTIFACTS, { recursive: true }));

  it('an Arabic teacher’s dashboard is right to left: bars grow from the right, Arabic numbers', async () => {
    const teacher = await teacherIn(suite, 'ar', LAPTOP);
    try {
      const page = await teacher.newPage();
      await page.goto(`/teacher/sessions/${sessions.english}`);
      assert.equal(await page.locator('html').getAttribute('lang'), 'ar');
      assert.equal(await page.locator('html').getAttribute('dir'), 'rtl');
      await page.getByRole('button', { name: 'الشريحة التالية' }).waitFor();
      await page.getByText(`أجاب ${arabic(STUDENTS)} من ${arabic(STUDENTS)}`).waitFor();
      // The chart's text alternative and its percentages, in Arabic.
      await page.getByRole('img', { name: new RegExp(`^${arabic(STUDENTS)} إجابة\\.`) }).waitFor();
      await page.getByText(twoThirds('ar'), { exact: true }).first().waitFor();
      const bar = await firstBar(page, `${arabic(STUDENTS)} إجابة.`);
      assert.ok(bar, 'a bar chart');
      // 67% of the track, starting at its right edge.
      assert.ok(Math.abs(bar.right - bar.trackRight) < 1.5, JSON.stringify(bar));
      assert.ok(bar.left - bar.trackLeft > (bar.trackRight - bar.trackLeft) * 0.25);
      assert.equal(await sidewaysOverflow(page), 0, 'the dashboard scrolls sideways');
      await shot(page, 'dashboard-ar');
      await assertAccessible(page, 'the Arabic dashboard');
    } finally {
      await teacher.close();
    }
  });

  it('the Arabic report: right to left, times and percentages for Arabic', async () => {
    const teacher = await teacherIn(suite, 'ar', LAPTOP);
    try {
      const page = await teacher.newPage();
      await page.goto(`/teacher/sessions/${sessions.english}/report`);
      assert.equal(await page.locator('html').getAttribute('dir'), 'rtl');
      await page.getByRole('heading', { name: 'الإجابات لكل طالب' }).waitFor();
      await page.getByRole('link', { name: 'تنزيل CSV' }).waitFor();
      // The session's start, once the browser put it in its own time zone: Arabic's format.
      const started = page.locator('header time').first();
      const iso = await started.getAttribute('datetime');
      assert.ok(iso);
      const expected = new Intl.DateTimeFormat('ar', {
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: '2-digit',
        second: '2-digit',
      }).format(new Date(iso));
      await page.waitForFunction(
        ([text]) => document.querySelector('header time')?.textContent === text,
        [expected],
      );
      await page.getByText(twoThirds('ar'), { exact: true }).first().waitFor();
      assert.equal(await sidewaysOverflow(page), 0, 'the report scrolls sideways');
      await shot(page, 'report-ar');
      await assertAccessible(page, 'the Arabic report');
    } finally {
      await teacher.close();
    }
  });

  it('a Spanish deck’s projector speaks Spanish to an English teacher (1920×1080)', async () => {
    const teacher = await teacherIn(suite, 'en', PROJECTOR);
    try {
      const dashboard = await teacher.newPage();
      await dashboard.goto(`/teacher/sessions/${sessions.spanish}`);
      assert.equal(await dashboard.locator('html').getAttribute('lang'), 'en');
      const projector = await teacher.newPage();
      await projector.goto(`/teacher/sessions/${sessions.spanish}/projector`);
      // The wall in the deck's language; the page around it stays the teacher's.
      const wall = projector.locator('[lang="es"][dir="ltr"]').first();
      await wall.waitFor();
      await projector.getByText('Entra en').waitFor();
      await projector.getByText(`${STUDENTS} respuestas hasta ahora`).waitFor();
      // The slide's own words carry the deck's exact tag, for screen readers.
      await projector.locator('section[lang="es-MX"]').waitFor();
      // Results shown to the class: Spanish words, Spanish percentages ("67 %").
      await dashboard.getByLabel('Show results to students').selectOption('anonymous');
      await projector
        .getByRole('img', { name: /^30 respuestas\. La más elegida: París/ })
        .waitFor();
      await projector.getByText(twoThirds('es'), { exact: true }).first().waitFor();
      assert.equal(twoThirds('es'), '67\u00a0%');
      await projector.screenshot({ path: join(ARTIFACTS, 'i18n-projector-es.png') });
      await assertAccessible(projector, 'the Spanish projector');
    } finally {
      await teacher.close();
    }
  });
});
