import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { DeckInput } from '@classpulse/realtime/protocol';
import type { BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { assertAccessible, sidewaysOverflow } from './support/browser.ts';
import { chromiumSuite } from './support/chromium-suite.ts';
import { parseCsv } from './support/csv.ts';
import { signInCookie } from './support/sign-in.ts';
import { startSessionOf } from './support/start-session.ts';

const ARTIFACTS = fileURLToPath(new URL('../test-artifacts', import.meta.url));

/** A Spanish deck: its content is Spanish whatever the student's interface language. */
const SPANISH_DECK: DeckInput = {
  title: 'Fracciones',
  language: 'es',
  slides: [
    {
      id: 'mc',
      title: 'Para empezar',
      body: 'Piensa en una pizza.',
      question: {
        kind: 'multiple-choice',
        prompt: '¿Qué fracción es más grande?',
        options: [
          { id: 'half', label: 'Un medio' },
          { id: 'third', label: 'Un tercio' },
        ],
      },
    },
    {
      id: 'num',
      title: 'Números',
      question: { kind: 'number', prompt: '¿Cuánto es siete entre dos?' },
    },
  ],
};

const PHONE: BrowserContextOptions = {
  viewport: { width: 360, height: 740 },
  isMobile: true,
  hasTouch: true,
  deviceScaleFactor: 2,
};

/**
 * A speech synthesis the test drives: one Spanish voice; each utterance starts when the one
 * before it ends, and `__speech.finishOne()` ends the current one, so the test sees each part
 * being read in turn. Installed before the page's scripts (headless Chromium has no voices).
 * Plain JavaScript text: the test's own compiled functions may call helpers the page lacks.
 */
const FAKE_SPEECH = `(() => {
  const queue = [];
  const log = [];
  let current = null;
  const next = () => {
    current = queue.shift() ?? null;
    if (!current) return;
    log.push({ event: 'start', text: current.text, lang: current.lang });
    current.onstart?.();
  };
  const voice = { lang: 'es-ES', name: 'Fake Spanish', default: true, localService: true, voiceURI: 'fake-es' };
  const synthesis = {
    getVoices: () => [voice],
    speak(utterance) {
      queue.push(utterance);
      if (!current) next();
    },
    cancel() {
      const dropped = current ? [current, ...queue] : [...queue];
      queue.length = 0;
      current = null;
      log.push({ event: 'cancel', text: '', lang: '' });
      for (const u of dropped) u.onerror?.();
    },
    addEventListener() {},
    removeEventListener() {},
    get speaking() {
      return current !== null;
    },
  };
  class Utterance {
    constructor(text) {
      this.text = text;
      this.lang = '';
      this.voice = null;
    }
  }
  Object.defineProperty(window, 'speechSynthesis', { value: synthesis, configurable: true });
  Object.defineProperty(window, 'SpeechSynthesisUtterance', { value: Utterance, configurable: true });
  Object.defineProperty(window, '__speech', {
    value: {
      log,
      finishOne() {
        const done = current;
        current = null;
        log.push({ event: 'end', text: done?.text ?? '', lang: done?.lang ?? '' });
        done?.onend?.();
        next();
      },
    },
  });
})();`;

const spoken = (page: Page) =>
  page.evaluate(
    () =>
      (
        window as unknown as {
          __speech: { log: Array<{ event: string; text: string; lang: string }> };
        }
      ).__speech.log,
  );

describe('students read and answer in their own language (Chromium)', { timeout: 600_000 }, () => {
  const suite = chromiumSuite();
  let sessionId: string;
  let joinCode: string;
  let dashboard: Page;
  const contexts: BrowserContext[] = [];
  let spanish: Page;
  let arabic: Page;

  const screenshot = (page: Page, name: string) =>
    page.screenshot({ path: join(ARTIFACTS, `i18n-${name}.png`), fullPage: true });

  const htmlLangDir = (page: Page) =>
    page.evaluate(() => [document.documentElement.lang, document.documentElement.dir]);

  /** The slide's own words carry the deck's language, whatever the interface's. */
  const assertContentLanguage = async (page: Page) => {
    const title = page.getByRole('heading', { level: 2, name: 'Para empezar' });
    assert.equal(await title.getAttribute('lang'), 'es');
    assert.equal(await title.getAttribute('dir'), 'ltr');
    assert.equal(await page.getByText('Piensa en una pizza.').getAttribute('lang'), 'es');
    assert.equal(await page.getByText('Un medio').getAttribute('lang'), 'es');
  };

  before(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    const cookie = await signInCookie(suite.stack.webUrl, suite.stack.owner!);
    ({ sessionId, joinCode } = await startSessionOf(suite.stack.webUrl, cookie, SPANISH_DECK));
    const teacher = await suite.browser.newContext({ baseURL: suite.stack.webUrl });
    contexts.push(teacher);
    const [name, value] = cookie.split('=') as [string, string];
    await teacher.addCookies([{ name, value, url: suite.stack.webUrl }]);
    dashboard = await teacher.newPage();
    await dashboard.goto(`/teacher/sessions/${sessionId}`);
    await dashboard.getByRole('button', { name: 'Next slide' }).waitFor();
  });

  it('a Spanish student picks Español on the join page, keeps the typed code, and answers', async () => {
    const context = await suite.browser.newContext({ baseURL: suite.stack.webUrl, ...PHONE });
    contexts.push(context);
    spanish = await context.newPage();
    await spanish.goto('/join');
    assert.deepEqual(await htmlLangDir(spanish), ['en', 'ltr']);
    await spanish.getByLabel('Session code').fill(joinCode);
    await spanish.getByLabel('Language').selectOption({ label: 'Español' });
    await spanish.getByRole('heading', { name: 'Únete a una sesión' }).waitFor();
    assert.deepEqual(await htmlLangDir(spanish), ['es', 'ltr']);
    assert.equal(await spanish.getByLabel('Código de la sesión').inputValue(), joinCode);
    // The choice is remembered on the device: the cookie, and storage should the cookie go.
    const cookies = await context.cookies();
    assert.equal(cookies.find((c) => c.name === 'classpulse-locale')?.value, 'es');
    assert.equal(await spanish.evaluate(() => localStorage.getItem('classpulse:v1:locale')), 'es');
    // Each language is offered in its own name, tagged with its language.
    assert.equal(await spanish.locator('option[value="ar"]').getAttribute('lang'), 'ar');
    await assertAccessible(spanish, 'join page in Spanish');
    await screenshot(spanish, 'es-join');
    await spanish.getByRole('button', { name: 'Continuar' }).click();

    await spanish.getByLabel('Tu nombre').fill('Sofía');
    await spanish.getByRole('button', { name: 'Unirme' }).click();
    await spanish.getByRole('heading', { name: 'Sofía', exact: true }).waitFor();
    assert.deepEqual(await htmlLangDir(spanish), ['es', 'ltr']);
    await assertContentLanguage(spanish);
    await spanish.getByText('Diapositiva 1 de 2').waitFor();
    await spanish.getByLabel('Un medio').check({ force: true });
    await spanish.getByRole('button', { name: 'Enviar respuesta' }).click();
    await spanish.getByText('✓ Recibida').waitFor();
    await assertAccessible(spanish, 'answer page in Spanish');
    assert.equal(await sidewaysOverflow(spanish), 0);
    await screenshot(spanish, 'es-answered');
  });

  it('an Arabic student (browser in Arabic) gets a right-to-left page and answers', async () => {
    const context = await suite.browser.newContext({
      baseURL: suite.stack.webUrl,
      locale: 'ar',
      ...PHONE,
    });
    contexts.push(context);
    arabic = await context.newPage();
    await arabic.goto(`/join/${joinCode}`);
    assert.deepEqual(await htmlLangDir(arabic), ['ar', 'rtl']);
    assert.equal(await arabic.getByLabel('اللغة').inputValue(), 'ar');
    await assertAccessible(arabic, 'name form in Arabic');
    await screenshot(arabic, 'ar-name');
    await arabic.getByLabel('اسمك').fill('ليلى');
    await arabic.getByRole('button', { name: 'انضمام' }).click();
    await arabic.getByRole('heading', { name: 'ليلى', exact: true }).waitFor();
    await assertContentLanguage(arabic);
    await arabic.getByLabel('Un medio').check({ force: true });
    await arabic.getByRole('button', { name: 'أرسل الإجابة' }).click();
    await arabic.getByText('✓ تم الاستلام').waitFor();
    assert.deepEqual(await htmlLangDir(arabic), ['ar', 'rtl']);
    await assertAccessible(arabic, 'answer page in Arabic');
    assert.equal(await sidewaysOverflow(arabic), 0);
    await screenshot(arabic, 'ar-answered');
  });

  it('numbers typed with the student’s decimal separator are stored as one number', async () => {
    await dashboard.getByRole('button', { name: 'Next slide' }).click();
    await spanish.getByLabel('¿Cuánto es siete entre dos?').fill('3,5');
    await spanish.getByRole('button', { name: 'Enviar respuesta' }).click();
    await spanish.getByText('✓ Recibida').waitFor();
    await arabic.getByLabel('¿Cuánto es siete entre dos?').fill('-٣٫٥');
    await arabic.getByRole('button', { name: 'أرسل الإجابة' }).click();
    await arabic.getByText('✓ تم الاستلام').waitFor();
    await screenshot(arabic, 'ar-number');

    const csv = await dashboard.request.get(`/api/sessions/${sessionId}/report.csv`);
    const records = parseCsv(await csv.text());
    const header = records[0] ?? [];
    const column = header.findIndex((h) => h.includes('Números'));
    assert.ok(column > 0, `a column for the number question: ${header.join(' | ')}`);
    assert.equal(records.find((r) => r[0] === 'Sofía')?.[column], '3.5');
    assert.equal(records.find((r) => r[0] === 'ليلى')?.[column], '-3.5');
  });

  it('read-aloud reads the slide in the deck’s language, started and stopped by keyboard', async () => {
    const context = await suite.browser.newContext({ baseURL: suite.stack.webUrl });
    contexts.push(context);
    await context.addInitScript(FAKE_SPEECH);
    const page = await context.newPage();
    await page.goto(`/join/${joinCode}`);
    await page.getByLabel('Your name').fill('Lee');
    await page.getByRole('button', { name: 'Join' }).click();
    await page.getByRole('heading', { name: 'Lee', exact: true }).waitFor();
    const button = page.getByRole('button', { name: 'Read to me' });
    await button.waitFor();
    assert.equal(await button.getAttribute('aria-pressed'), 'false');

    // Tab to it, as a keyboard user would.
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Tab');
      if (await button.evaluate((el) => el === document.activeElement)) break;
    }
    assert.ok(await button.evaluate((el) => el === document.activeElement), 'reached by Tab');
    await page.keyboard.press('Enter');

    const stop = page.getByRole('button', { name: 'Stop reading' });
    await stop.waitFor();
    assert.equal(await stop.getAttribute('aria-pressed'), 'true');
    // The title first, in the deck's language, marked while it is read.
    const reading = page.locator('[data-reading]');
    await reading.waitFor();
    assert.equal((await reading.textContent())?.trim(), 'Números');
    await page.evaluate(() =>
      (window as unknown as { __speech: { finishOne(): void } }).__speech.finishOne(),
    );
    await page.locator('[data-reading]', { hasText: '¿Cuánto es siete entre dos?' }).waitFor();
    assert.equal(await page.locator('[data-reading]').count(), 1, 'one part marked at a time');
    const log = await spoken(page);
    assert.deepEqual(
      log.filter((e) => e.event === 'start').map((e) => [e.text, e.lang]),
      [
        ['Números', 'es-ES'],
        ['¿Cuánto es siete entre dos?', 'es-ES'],
      ],
    );
    await screenshot(page, 'read-aloud');

    // Stop by keyboard: focus stayed on the toggle.
    assert.ok(await stop.evaluate((el) => el === document.activeElement), 'focus stays');
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Read to me' }).waitFor();
    assert.equal(await page.locator('[data-reading]').count(), 0);
    assert.equal((await spoken(page)).at(-1)?.event, 'cancel');
    await assertAccessible(page, 'read-aloud');
  });

  it('read-aloud is absent where the browser has no voice for the language', async () => {
    const context = await suite.browser.newContext({ baseURL: suite.stack.webUrl });
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(`/join/${joinCode}`);
    await page.getByLabel('Your name').fill('Kim');
    await page.getByRole('button', { name: 'Join' }).click();
    await page.getByLabel('¿Cuánto es siete entre dos?').waitFor();
    const voices = await page.evaluate(() =>
      'speechSynthesis' in window
        ? speechSynthesis.getVoices().filter((v) => v.lang.toLowerCase().startsWith('es')).length
        : 0,
    );
    if (voices === 0) {
      assert.equal(await page.getByRole('button', { name: 'Read to me' }).count(), 0);
    } else {
      await page.getByRole('button', { name: 'Read to me' }).waitFor();
    }
    for (const c of contexts) await c.close();
  });
});
