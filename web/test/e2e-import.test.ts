import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { PDFDocument, rgb, StandardFonts } from 'pdf-lib';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { assertAccessible, sidewaysOverflow } from './support/browser.ts';
import { chromiumSuite } from './support/chromium-suite.ts';
import { signInInBrowser } from './support/sign-in.ts';

/*
 * A teacher brings a PDF: imports it from the library (upload, page-by-page progress, a refresh
 * in the middle), lands in the editor with one slide per page, adds a question to page 3 and runs
 * it; two students on 360 px phones see page 3's picture and answer; the dashboard counts both
 * and the projector shows the page. A file that is not a PDF is refused with the API's words
 * and leaves no deck behind.
 */

const ARTIFACTS = fileURLToPath(new URL('../test-artifacts', import.meta.url));
const PAGES = 12;

/** Each page's line of text (the PDF's text layer, which becomes the slide image's alt text). */
const pageText = (n: number) =>
  n === 3 ? 'Page 3: Photosynthesis turns light into sugar' : `Page ${n}: lesson notes`;

/** A 16:9 PDF, one coloured band and one line of text per page. */
async function lessonPdf(pages: number): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  for (let n = 1; n <= pages; n++) {
    const page = pdf.addPage([960, 540]);
    page.drawRectangle({ x: 0, y: 0, width: 960, height: 160, color: rgb(0.1, 0.3, 0.7) });
    page.drawText(pageText(n), { x: 60, y: 380, size: 40, font, color: rgb(0, 0, 0) });
  }
  return Buffer.from(await pdf.save());
}

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

      const notAPdf = {
        name: 'homework.pdf',
        mimeType: 'application/pdf',
        buffer: Buffer.from('These are my notes, not a PDF at all.\n'),
      };
      await fileInput(page).setInputFiles(notAPdf);
      await page.getByRole('button', { name: 'Import slides' }).click();
      const alert = page.getByRole('alert').filter({ hasText: 'was not imported' });
      await alert.waitFor();
      await assertAccessible(page, 'import page with a refused file');
      await shot(page, 'refused');

      // The message is the API's own: ask it the same thing and compare.
      const asked = await page.request.post('/api/imports', { multipart: { file: notAPdf } });
      let message: string;
      if (asked.status() === 202) {
        const { id } = ((await asked.json()) as { import: { id: string } }).import;
        for (;;) {
          const { import: status } = (await (
            await page.request.get(`/api/imports/${id}`)
          ).json()) as {
            import: { state: string; error: { message: string } | null };
          };
          if (status.state === 'failed') {
            message = status.error!.message;
            break;
          }
          assert.notEqual(status.state, 'done', 'a text file is never imported');
          await page.waitForTimeout(200);
        }
      } else {
        assert.ok(asked.status() >= 400 && asked.status() < 500, `refused: ${asked.status()}`);
        message = ((await asked.json()) as { message: string }).message;
      }
      assert.ok(message.length > 0);
      const shown = (await alert.textContent()) ?? '';
      assert.ok(shown.includes(message), `the alert says the API's message "${message}": ${shown}`);

      const { decks } = (await (await page.request.get('/api/decks')).json()) as {
        decks: unknown[];
      };
      assert.deepEqual(decks, [], 'a refused file leaves no deck behind');
    });

    it('a 12-page PDF uploads, converts page by page, survives a refresh and opens in the editor', async () => {
      await page.getByRole('button', { name: 'Choose another file' }).click();
      await fileInput(page).setInputFiles({
        name: 'Plants and light.pdf',
        mimeType: 'application/pdf',
        buffer: await lessonPdf(PAGES),
      });
      assert.equal(await page.getByLabel('Deck title').inputValue(), 'Plants and light');
      await page.getByRole('button', { name: 'Import slides' }).click();

      await page.getByRole('heading', { name: 'Importing “Plants and light.pdf”' }).waitFor();
      const conversion = page.getByRole('progressbar', { name: 'Conversion progress' });
      await conversion.waitFor();
      await page
        .getByText(new RegExp(`^(Converting page \\d+ of ${PAGES}|Converted ${PAGES} pages)$`))
        .waitFor();
      await assertAccessible(page, 'import page converting');
      await shot(page, 'converting');

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
      assert.equal(deck.title, 'Plants and light');
      assert.equal(deck.slides.length, PAGES, 'one slide per page');
      for (const [i, slide] of deck.slides.entries()) {
        assert.ok(slide.image, `slide ${i + 1} has its page as an image`);
        assert.ok(
          slide.image.alt.includes(pageText(i + 1)),
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

    it('the teacher adds a multiple-choice question to page 3 and starts a session', async () => {
      await page.getByRole('button', { name: /^Slide 3:/ }).click();
      await page.getByLabel('Question type').selectOption({ label: 'Multiple choice' });
      await page.getByLabel('Question', { exact: true }).fill('What does a plant make from light?');
      await page.getByLabel('Option A', { exact: true }).fill('Sugar');
      await page.getByLabel('Option B', { exact: true }).fill('Salt');
      await page.getByRole('button', { name: 'Save', exact: true }).click();
      await page.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
      await assertAccessible(page, 'editor after the import');
      await shot(page, 'editor');

      await page.goto('/teacher');
      await page.getByRole('button', { name: 'Start session with Plants and light' }).click();
      await page.waitForURL(/\/teacher\/sessions\/[^/]+$/);
      sessionPath = new URL(page.url()).pathname;
      for (let i = 0; i < 2; i++) await page.getByRole('button', { name: 'Next slide' }).click();
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
      const page3 = pageText(3);
      for (const student of students) {
        await student.getByText(`Slide 3 of ${PAGES}`).waitFor();
        await student.getByRole('img', { name: page3 }).waitFor();
        await imagesLoaded(student);
        await student.getByLabel('Sugar').check({ force: true });
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
