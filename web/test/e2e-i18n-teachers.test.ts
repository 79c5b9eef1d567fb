/**
 * The teacher's language in real Chromium: a teacher switches the interface to Español, and it
 * stays Spanish on a new device after signing in again (saved to the account); the library and the
 * editor speak Spanish; a new deck's content language is the teacher's, the "Deck language" select
 * changes it, and the student's page of that deck marks its content `lang="es"`. In Arabic the
 * teacher's pages are right-to-left (screenshots at 1366 px, axe clean). A language picked while
 * the page's scripts are still loading is applied once they run.
 */
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { assertAccessible, sidewaysOverflow } from './support/browser.ts';
import { chromiumSuite } from './support/chromium-suite.ts';
import { colourDeck } from './support/fixtures.ts';
import { signInInBrowser } from './support/sign-in.ts';

const ARTIFACTS = fileURLToPath(new URL('../test-artifacts', import.meta.url));

describe("the teacher's language in Chromium", { timeout: 300_000 }, () => {
  const suite = chromiumSuite();
  const contexts: BrowserContext[] = [];
  let deckId: string;

  const page = async (width = 1366) => {
    const context = await suite.browser.newContext({
      baseURL: suite.stack.webUrl,
      viewport: { width, height: 900 },
      locale: 'en-US',
    });
    contexts.push(context);
    return context.newPage();
  };
  const shot = (p: Page, name: string) =>
    p.screenshot({ path: join(ARTIFACTS, `i18n-teacher-${name}.png`), fullPage: true });
  const htmlAttributes = (p: Page) =>
    p.evaluate(() => ({
      lang: document.documentElement.lang,
      dir: document.documentElement.dir,
    }));

  /** Signs in on a fresh device (the sign-in page in the browser's English) and waits for `heading`. */
  async function signIn(p: Page, heading: string): Promise<void> {
    const owner = suite.stack.owner!;
    await p.goto('/teacher/login');
    await p.getByLabel('Email').fill(owner.email);
    await p.getByLabel('Password').fill(owner.password);
    await p.getByRole('button', { name: 'Sign in' }).click();
    await p.getByRole('heading', { name: heading }).waitFor();
  }

  before(() => mkdirSync(ARTIFACTS, { recursive: true }));
  after(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
  });

  it('switches to Español, saved to the account: a new device signs in to Spanish', async () => {
    const teacher = await page();
    await signInInBrowser(teacher, suite.stack.owner!);
    assert.deepEqual(await htmlAttributes(teacher), { lang: 'en', dir: 'ltr' });
    await teacher.getByLabel('Language').selectOption('es');
    await teacher.getByRole('heading', { name: 'Tus presentaciones' }).waitFor();
    assert.deepEqual(await htmlAttributes(teacher), { lang: 'es', dir: 'ltr' });
    await teacher.getByRole('button', { name: 'Crear presentación' }).waitFor();
    assert.equal(await teacher.getByLabel('Idioma').inputValue(), 'es');

    const elsewhere = await page();
    await signIn(elsewhere, 'Tus presentaciones');
    assert.equal((await htmlAttributes(elsewhere)).lang, 'es');
    await elsewhere.getByRole('button', { name: 'Cerrar sesión', exact: true }).waitFor();
  });

  it("a new deck is in the teacher's language; the editor speaks Spanish and sets the deck's", async () => {
    const teacher = await page();
    await signIn(teacher, 'Tus presentaciones');
    await teacher.getByLabel('Título de la nueva presentación').fill('Colores');
    await teacher.getByRole('button', { name: 'Crear presentación' }).click();
    await teacher.getByRole('link', { name: 'Volver a la biblioteca' }).waitFor();
    deckId = new URL(teacher.url()).pathname.split('/').at(-1)!;

    const deckLanguage = teacher.getByLabel('Idioma de la presentación');
    assert.equal(await deckLanguage.inputValue(), 'es', "a new deck is in the teacher's language");
    const title = teacher.getByLabel('Título de la presentación', { exact: true });
    assert.equal(await title.getAttribute('lang'), 'es');
    await deckLanguage.selectOption('ar');
    assert.equal(await title.getAttribute('lang'), 'ar');
    assert.equal(await title.getAttribute('dir'), 'rtl', 'Arabic content is typed right to left');
    await deckLanguage.selectOption('es');
    assert.equal(await title.getAttribute('dir'), 'ltr');

    // A problem is said in Spanish, not in the protocol's English.
    await title.fill('');
    await teacher.getByRole('button', { name: 'Guardar', exact: true }).click();
    await teacher.getByRole('heading', { name: 'Arregla 1 problema antes de guardar' }).waitFor();
    await teacher.getByText('Ponle un título a la presentación.').first().waitFor();
    await title.fill('Colores');
    await teacher.getByRole('button', { name: 'Guardar', exact: true }).click();
    await teacher.getByRole('status').filter({ hasText: 'Guardado' }).waitFor();
    await assertAccessible(teacher, 'the editor in Spanish');

    const stored = await teacher.request.get(`/api/decks/${deckId}`);
    const { deck } = (await stored.json()) as { deck: { language?: string } };
    assert.equal(deck.language, 'es');
  });

  it('the student\'s page of a Spanish deck marks its content lang="es"', async () => {
    const teacher = await page();
    await signIn(teacher, 'Tus presentaciones');
    const saved = await teacher.request.put(`/api/decks/${deckId}`, {
      data: { ...colourDeck('Colores'), language: 'es' },
    });
    assert.equal(saved.status(), 200);
    const started = await teacher.request.post('/api/sessions', { data: { deckId } });
    const { joinCode } = (await started.json()) as { joinCode: string };

    const student = await page(390);
    await student.goto(`/join/${joinCode}`);
    await student.getByLabel('Your name').fill('Ana');
    await student.getByRole('button', { name: 'Join' }).click();
    await student.getByRole('heading', { name: 'Ana', exact: true }).waitFor();
    const prompt = colourDeck('Colores').slides[0]!.question!.prompt;
    const content = student.locator('[lang="es"]').filter({ hasText: prompt });
    await content.first().waitFor();
  });

  it('in Arabic the library and the editor are right to left, and axe finds nothing', async () => {
    const teacher = await page();
    await signIn(teacher, 'Tus presentaciones');
    await teacher.getByLabel('Idioma').selectOption('ar');
    await teacher.getByRole('heading', { name: 'عروضك' }).waitFor();
    assert.deepEqual(await htmlAttributes(teacher), { lang: 'ar', dir: 'rtl' });
    assert.equal(await sidewaysOverflow(teacher), 0, 'the library fits 1366 px');
    await assertAccessible(teacher, 'the library in Arabic');
    await shot(teacher, 'library-ar');

    await teacher.goto(`/teacher/decks/${deckId}`);
    await teacher.getByRole('link', { name: 'العودة إلى المكتبة' }).waitFor();
    assert.deepEqual(await htmlAttributes(teacher), { lang: 'ar', dir: 'rtl' });
    // The deck is Spanish: its fields stay left to right inside the Arabic page.
    const title = teacher.getByLabel('عنوان العرض', { exact: true });
    assert.deepEqual(
      [await title.getAttribute('lang'), await title.getAttribute('dir')],
      ['es', 'ltr'],
    );
    assert.equal(await sidewaysOverflow(teacher), 0, 'the editor fits 1366 px');
    await assertAccessible(teacher, 'the editor in Arabic');
    await shot(teacher, 'editor-ar');

    // Back to English for whoever signs in next.
    await teacher.goto('/teacher');
    await teacher.getByLabel('اللغة').selectOption('en');
    await teacher.getByRole('heading', { name: 'Your decks' }).waitFor();
  });

  it('a language chosen before the page hydrated (scripts still loading) is honoured', async () => {
    const teacher = await page();
    await signIn(teacher, 'Your decks');
    // Hold the page's scripts back until the choice is made, as on a slow school laptop.
    let release!: () => void;
    const scriptsHeld = new Promise<void>((resolve) => (release = resolve));
    await teacher.route('**/_next/static/**', async (route) => {
      await scriptsHeld;
      await route.continue();
    });
    await teacher.goto('/teacher', { waitUntil: 'commit' });
    await teacher.getByRole('heading', { name: 'Your decks' }).waitFor();
    await teacher.getByLabel('Language').selectOption('es');
    release();
    await teacher.getByRole('heading', { name: 'Tus presentaciones' }).waitFor();
    assert.deepEqual(await htmlAttributes(teacher), { lang: 'es', dir: 'ltr' });

    // Back to English for whoever signs in next.
    await teacher.getByLabel('Idioma').selectOption('en');
    await teacher.getByRole('heading', { name: 'Your decks' }).waitFor();
  });
});
