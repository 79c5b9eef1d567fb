import assert from 'node:assert/strict';
import ERROR_TEXT from '../messages/errors/en.json' with { type: 'json' };
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { assertAccessible, sidewaysOverflow } from './support/browser.ts';
import { chromiumSuite } from './support/chromium-suite.ts';
import {
  multiPagePdf,
  multiPagePdfText,
  notAPdf,
  type FixtureFile,
} from './support/import-fixtures.ts';
import { signInInBrowser } from './support/sign-in.ts';
import { startStack } from './support/stack.ts';

/*
 * A teacher brings a PDF: imports it from the library (upload, page-by-page progress, a refresh
 * in the middle), lands in the editor with one slide per page, adds a question to page 3 and runs
 * it; two students on 360 px phones see page 3's picture and answer; the dashboard counts both
 * and the projector shows the page. A file that is not a PDF is refused with the API's words
 * and leaves no deck behind.
 */

const ARTIFACTS = fileURLToPath(new URL('../test-artifacts', import.meta.url));
const PAGES = 12;
/** The deck once two more pages are appended from the editor. */
const SLIDES = PAGES + 2;

/** A fixture as Playwright's `setInputFiles` and multipart requests take it. */
const asUpload = (file: FixtureFile) => ({
  name: file.fileName,
  mimeType: file.mimeType,
  buffer: Buffer.from(file.bytes),
});

const PHONE = {
  viewport: { width: 360, height: 740 },
  isMobile: true,
  hasTouch: true,
  deviceScaleFactor: 2,
} as const;

/**
 * Everything the page's live regions said, in order: what a screen reader would read out. Kept
 * on the window, so it lasts across the client-side navigation to the editor.
 */
const RECORD_ANNOUNCEMENTS = () => {
  const said: string[] = [];
  (window as unknown as { announcements: string[] }).announcements = said;
  const last = new WeakMap<Element, string>();
  new MutationObserver(() => {
    for (const region of document.querySelectorAll('[aria-live]')) {
      const text = region.textContent?.trim() ?? '';
      if (text !== '' && last.get(region) !== text) said.push(text);
      last.set(region, text);
    }
  }).observe(document, { subtree: true, childList: true, characterData: true });
};

const announcements = (page: Page) =>
  page.evaluate(() => (window as unknown as { announcements: string[] }).announcements);

/** Waits until every image on the page has arrived and decoded. */
const imagesLoaded = (page: Page) =>
  page.waitForFunction(() =>
    [...document.images].every((img) => img.complete && img.naturalWidth > 0),
  );

describe(
  'a teacher imports a PDF and runs a question on its third page',
  { timeout: 180_000 },
  () => {
    const suite = chromiumSuite();
    let teacher: BrowserContext;
    let page: Page;
    let deckId: string;
    let sessionPath: string;
    const shot = (p: Page, name: string) =>
      p.screenshot({ path: join(ARTIFACTS, `import-${name}.png`), fullPage: true });

    before(() => mkdirSync(ARTIFACTS, { recursive: true }));

    const fileInput = (p: Page): Locator => p.getByLabel(/^(PDF or PowerPoint file|PDF file)$/);

    it('a text file named .pdf is refused with the API’s message and makes no deck', async () => {
      teacher = await suite.browser.newContext({
        baseURL: suite.stack.webUrl,
        viewport: { width: 1366, height: 900 },
      });
      page = await teacher.newPage();
      await page.addInitScript(RECORD_ANNOUNCEMENTS);
      await signInInBrowser(page, suite.stack.owner!);
      await page.goto('/teacher');
      await page.getByText('No decks yet').waitFor();
      await page.getByRole('link', { name: 'Import slides from a PDF or PowerPoint file' }).click();
      await page.waitForURL(/\/teacher\/import$/);
      await page.getByRole('heading', { name: 'Import slides', level: 1 }).waitFor();

      // What this server can import is said before any upload.
      const capabilities = (await (await page.request.get('/api/imports/capabilities')).json()) as {
        pptx: boolean;
        pptxHelp?: string;
      };
      if (capabilities.pptx) await page.getByLabel('PDF or PowerPoint file').waitFor();
      else {
        await page.getByRole('heading', { name: /PowerPoint import is not set up/ }).waitFor();
        await page.getByText(capabilities.pptxHelp!, { exact: false }).waitFor();
      }
      await assertAccessible(page, 'import page');
      await shot(page, 'form-1366');
      await page.setViewportSize({ width: 360, height: 740 });
      assert.equal(await sidewaysOverflow(page), 0, 'the import page fits a 360 px phone');
      await shot(page, 'form-360');
      await page.setViewportSize({ width: 1366, height: 900 });

      const refused = asUpload(await notAPdf());
      await fileInput(page).setInputFiles(refused);
      await page.getByRole('button', { name: 'Import slides' }).click();
      const alert = page.getByRole('alert').filter({ hasText: 'was not imported' });
      await alert.waitFor();
      await assertAccessible(page, 'import page with a refused file');
      await shot(page, 'refused');

      // The message is the page's words for the API's error code: ask it the same thing, compare.
      const asked = await page.request.post('/api/imports', { multipart: { file: refused } });
      let code: string;
      if (asked.status() === 202) {
        const { id } = ((await asked.json()) as { import: { id: string } }).import;
        for (;;) {
          const { import: status } = (await (
            await page.request.get(`/api/imports/${id}`)
          ).json()) as {
            import: { state: string; error: { code: string } | null };
          };
          if (status.state === 'failed') {
            code = status.error!.code;
            break;
          }
          assert.notEqual(status.state, 'done', 'a text file is never imported');
          await page.waitForTimeout(200);
        }
      } else {
        assert.ok(asked.status() >= 400 && asked.status() < 500, `refused: ${asked.status()}`);
        code = ((await asked.json()) as { code: string }).code;
      }
      const message = (ERROR_TEXT as Record<string, string>)[code];
      assert.ok(message, `the errors catalog words the API's code ${code}`);
      const shown = (await alert.textContent()) ?? '';
      assert.ok(shown.includes(message), `the alert words the API's code "${message}": ${shown}`);

      const { decks } = (await (await page.request.get('/api/decks')).json()) as {
        decks: unknown[];
      };
      assert.deepEqual(decks, [], 'a refused file leaves no deck behind');
    });

    it('a 12-page PDF uploads, converts page by page, survives a refresh and opens in the editor', async () => {
      await page.getByRole('button', { name: 'Choose another file' }).click();
      const lesson = await multiPagePdf(PAGES);
      await fileInput(page).setInputFiles(asUpload(lesson));
      // The title starts as the file's name; the teacher gives it a better one.
      assert.equal(await page.getByLabel('Deck title').inputValue(), 'fractions-lesson');
      await page.getByLabel('Deck title').fill('Fractions lesson');
      // Another import is converting (one at a time here): this one waits its turn first.
      const other = await page.request.post('/api/imports', {
        multipart: { file: asUpload(await multiPagePdf(6)), title: 'Warm-up' },
      });
      assert.equal(other.status(), 202, await other.text());
      await page.getByRole('button', { name: 'Import slides' }).click();

      await page.getByRole('heading', { name: `Importing “${lesson.fileName}”` }).waitFor();
      await page.getByText('Waiting for another import to finish', { exact: true }).waitFor();
      await shot(page, 'queued');
      const conversion = page.getByRole('progressbar', { name: 'Conversion progress' });
      await conversion.waitFor();
      await page
        .getByText(new RegExp(`^(Converting page \\d+ of ${PAGES}|Converted ${PAGES} pages)$`))
        .waitFor();
      await assertAccessible(page, 'import page converting');
      await shot(page, 'converting');
      const before = await announcements(page);
      assert.ok(
        before.includes(`Uploading ${lesson.fileName}.`),
        `the upload is announced: ${JSON.stringify(before)}`,
      );

      // A refresh in the middle picks the same import up again (its id is in the address).
      const address = new URL(page.url());
      const importId = address.searchParams.get('import');
      assert.ok(importId, `the import is in the address: ${address.href}`);
      await page.reload();
      await page.waitForURL(/\/teacher\/decks\/[^/?]+$/);
      deckId = new URL(page.url()).pathname.split('/').pop()!;
      const said = await announcements(page);
      assert.ok(
        said.includes(`All ${PAGES} pages converted. Opening the deck editor.`),
        `the end is announced: ${JSON.stringify(said)}`,
      );
      assert.ok(said.length <= 6, `a few announcements, not one per page: ${JSON.stringify(said)}`);

      const { deck } = (await (await page.request.get(`/api/decks/${deckId}`)).json()) as {
        deck: {
          title: string;
          slides: Array<{ title: string; image?: { url: string; alt: string; width: number } }>;
        };
      };
      assert.equal(deck.title, 'Fractions lesson');
      assert.equal(deck.slides.length, PAGES, 'one slide per page');
      for (const [i, slide] of deck.slides.entries()) {
        assert.ok(slide.image, `slide ${i + 1} has its page as an image`);
        assert.ok(
          slide.image.alt.includes(multiPagePdfText(i + 1)),
          `slide ${i + 1}'s alt text is its page's text: ${slide.image.alt}`,
        );
      }
      await page.getByRole('heading', { name: /^Slides/ }).waitFor();
      assert.equal(
        await page
          .getByRole('navigation', { name: /^Slides/ })
          .getByRole('listitem')
          .count(),
        PAGES,
      );
    });

    it('the teacher adds a multiple-choice question to page 3', async () => {
      await page.getByRole('button', { name: /^Slide 3:/ }).click();
      await page.getByLabel('Question type').selectOption({ label: 'Multiple choice' });
      await page.getByLabel('Question', { exact: true }).fill('Which is larger?');
      await page.getByLabel('Option A', { exact: true }).fill('One half');
      await page.getByLabel('Option B', { exact: true }).fill('One third');
      await page.getByRole('button', { name: 'Save', exact: true }).click();
      await page.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
      await assertAccessible(page, 'editor after the import');
      await shot(page, 'editor');
    });

    it('“Add slides from a file” in the editor appends a PDF’s pages to the deck', async () => {
      await page.getByRole('link', { name: 'Add slides from a file' }).click();
      await page.getByRole('heading', { name: 'Add slides to “Fractions lesson”' }).waitFor();
      assert.equal(await page.getByLabel('Deck title').count(), 0, 'no title when appending');
      await fileInput(page).setInputFiles(asUpload(await multiPagePdf(2)));
      await page.getByRole('button', { name: 'Add slides' }).click();
      await page.waitForURL(new RegExp(`/teacher/decks/${deckId}$`));
      const { deck } = (await (await page.request.get(`/api/decks/${deckId}`)).json()) as {
        deck: { slides: Array<{ question?: { prompt: string }; image?: { alt: string } }> };
      };
      assert.equal(deck.slides.length, PAGES + 2, 'the two pages come after the deck’s own');
      assert.equal(
        deck.slides[2]?.question?.prompt,
        'Which is larger?',
        'page 3 kept its question',
      );
      assert.ok(deck.slides[PAGES]?.image?.alt.includes(multiPagePdfText(1)));
      assert.ok(deck.slides[PAGES + 1]?.image?.alt.includes(multiPagePdfText(2)));
    });

    it('the teacher starts a session and moves to page 3', async () => {
      await page.goto('/teacher');
      await page.getByRole('button', { name: 'Start session with Fractions lesson' }).click();
      await page.waitForURL(/\/teacher\/sessions\/[^/]+$/);
      sessionPath = new URL(page.url()).pathname;
      for (const n of [2, 3]) {
        await page.getByRole('button', { name: 'Next slide' }).click();
        await page.getByText(`Slide ${n} of ${SLIDES}`).first().waitFor();
      }
    });

    it('two students on phones see page 3 and answer; the dashboard and projector follow', async () => {
      const code = (
        (await page
          .getByLabel(/^Join code/)
          .first()
          .textContent()) ?? ''
      ).trim();
      const students: Page[] = [];
      for (const name of ['Noor', 'Theo']) {
        const context = await suite.browser.newContext({ baseURL: suite.stack.webUrl, ...PHONE });
        const student = await context.newPage();
        await student.goto('/join');
        await student.getByLabel('Session code').fill(code);
        await student.getByRole('button', { name: 'Continue' }).click();
        await student.getByLabel('Your name').fill(name);
        await student.getByRole('button', { name: 'Join' }).click();
        await student.getByRole('heading', { name, exact: true }).waitFor();
        students.push(student);
      }
      // A string name matches part of the accessible name: the alt text may hold more of the page.
      const page3 = multiPagePdfText(3);
      for (const student of students) {
        await student.getByText(`Slide 3 of ${SLIDES}`).waitFor();
        await student.getByRole('img', { name: page3 }).waitFor();
        await imagesLoaded(student);
        await student.getByLabel('One half').check({ force: true });
        await student.getByRole('button', { name: 'Submit answer' }).click();
        await student.getByText('✓ Received').waitFor();
      }
      assert.equal(await sidewaysOverflow(students[0]!), 0, 'the student page fits the phone');
      await assertAccessible(students[0]!, 'student page with a page image');
      await shot(students[0]!, 'student-phone');
      await page.getByText('2 of 2 answered').waitFor();
      await shot(page, 'dashboard');

      const projector = await teacher.newPage();
      await projector.setViewportSize({ width: 1920, height: 1080 });
      await projector.goto(`${sessionPath}/projector`);
      await projector.getByRole('img', { name: page3 }).waitFor();
      await imagesLoaded(projector);
      await shot(projector, 'projector');
    });
  },
);

describe('a server without LibreOffice says how to install it before any upload', () => {
  const suite = chromiumSuite(() => startStack({ WEB_LIBREOFFICE_PATH: '/nonexistent/soffice' }));

  it('offers PDF only, shows the install instructions and refuses a .pptx at once', async () => {
    const context = await suite.browser.newContext({ baseURL: suite.stack.webUrl, ...PHONE });
    const page = await context.newPage();
    await signInInBrowser(page, suite.stack.owner!);
    await page.goto('/teacher/import');
    const capabilities = (await (await page.request.get('/api/imports/capabilities')).json()) as {
      pptx: boolean;
      pptxHelp: string;
    };
    assert.equal(capabilities.pptx, false);
    await page
      .getByRole('region', { name: 'PowerPoint import is not set up on this server' })
      .getByText(capabilities.pptxHelp)
      .waitFor();
    await page.getByLabel('PDF file', { exact: true }).setInputFiles({
      name: 'lesson.pptx',
      mimeType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
      buffer: Buffer.from('not sent anyway'),
    });
    await page.getByRole('alert').filter({ hasText: 'Save the file as a PDF' }).waitFor();
    await page.getByRole('button', { name: 'Import slides' }).click();
    assert.ok(page.url().endsWith('/teacher/import'), 'nothing was uploaded');
    assert.equal(await sidewaysOverflow(page), 0, 'the page fits a 360 px phone');
    await assertAccessible(page, 'import page without PowerPoint');
    await page.screenshot({
      path: join(ARTIFACTS, 'import-no-powerpoint-360.png'),
      fullPage: true,
    });
    await context.close();
  });
});
