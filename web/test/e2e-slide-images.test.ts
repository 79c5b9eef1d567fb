import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { Deck, DeckInput } from '@classpulse/realtime/protocol';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { assertAccessible, sidewaysOverflow } from './support/browser.ts';
import { chromiumSuite } from './support/chromium-suite.ts';
import { solidPng } from './support/fixtures.ts';
import { signInInBrowser } from './support/sign-in.ts';

/*
 * Slide images (issue 22) in Chromium: a teacher gives slides an image, its description and
 * speaker notes in the editor; uploads made slow by route interception must not lose what the
 * teacher types meanwhile; students on a 360 px phone and a 1366 px laptop see the image above
 * the question, whose controls do not move when it loads, and never the speaker notes.
 */

const ARTIFACTS = fileURLToPath(new URL('../test-artifacts', import.meta.url));
const DECK_TITLE = 'The sky';
const NOTES = 'Speaker note 7f3a: ask who has seen a rainbow';
const SKY_ALT = 'A blue sky above green hills';
const SKY_ALT_LATER = 'A deep blue sky above rolling green hills';
const FIELD_ALT = 'A wide yellow field of sunflowers';
const PLAYGROUND_ALT = 'A map of the playground with the climbing frame in the middle';
const GATE_ALT = 'The school gate seen from the street';

/** Slide 1 asks a question (the teacher adds its image); slide 2 will be a picture alone. */
const DECK: DeckInput = {
  title: DECK_TITLE,
  slides: [
    {
      id: 'sky',
      title: 'Look up',
      question: {
        kind: 'multiple-choice',
        prompt: 'What colour is the sky here?',
        options: [
          { id: 'blue', label: 'Blue' },
          { id: 'grey', label: 'Grey' },
        ],
      },
    },
    { id: 'field', title: '', body: '' },
  ],
};

const png = (name: string, width: number, height: number, rgb: [number, number, number]) => ({
  name,
  mimeType: 'image/png',
  buffer: solidPng(width, height, rgb),
});

/**
 * Holds the page's requests matching `pattern` until `release()`: a slow network, so the test
 * can act while an upload is on its way or look at a page whose images have not arrived.
 */
async function holdRequests(page: Page | BrowserContext, pattern: string) {
  let open!: () => void;
  const released = new Promise<void>((resolve) => (open = resolve));
  let held = 0;
  await page.route(pattern, async (route) => {
    held++;
    await released;
    await route.continue();
  });
  return {
    get held() {
      return held;
    },
    release: () => open(),
  };
}

/** An image picker's file input (its name: the picker's label, then its button). */
const picker = (page: Page, label: RegExp) => page.getByLabel(label);

/** Waits until the image has its bytes; fails at once when they did not come. */
function loaded(image: Locator): Promise<void> {
  // Inline functions only: a named one would need the test's bundler helpers in the page.
  return image.evaluate(
    (img: HTMLImageElement) =>
      new Promise<void>((resolve, reject) => {
        if (img.complete) {
          if (img.naturalWidth > 0) resolve();
          else reject(new Error(`${img.currentSrc} did not load`));
          return;
        }
        img.addEventListener('load', () => resolve(), { once: true });
        img.addEventListener('error', () => reject(new Error(`${img.currentSrc} did not load`)), {
          once: true,
        });
      }),
  );
}

const boxOf = async (target: Locator) => {
  const box = await target.boundingBox();
  assert.ok(box, `${target.toString()} has a box`);
  return box;
};

describe('slide images: editor, slow uploads and the student page', { timeout: 120_000 }, () => {
  const suite = chromiumSuite();
  let teacher: BrowserContext;
  let editor: Page;
  let deckId: string;
  // From the top: the editor's sticky bar and list would otherwise sit mid-picture.
  const shot = async (page: Page, file: string) => {
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: join(ARTIFACTS, `slide-images-${file}.png`), fullPage: true });
  };

  before(() => mkdirSync(ARTIFACTS, { recursive: true }));

  it('the teacher gives slides an image, its required description and speaker notes', async () => {
    teacher = await suite.browser.newContext({
      baseURL: suite.stack.webUrl,
      viewport: { width: 1366, height: 900 },
      reducedMotion: 'reduce',
    });
    editor = await teacher.newPage();
    await signInInBrowser(editor, suite.stack.owner!);
    const created = await editor.request.post('/api/decks', { data: { title: DECK_TITLE } });
    deckId = ((await created.json()) as { id: string }).id;
    const saved = await editor.request.put(`/api/decks/${deckId}`, { data: DECK });
    assert.equal(saved.status(), 200, await saved.text());

    await editor.goto(`/teacher/decks/${deckId}`);
    await editor.getByLabel('Deck title').waitFor();
    await picker(editor, /^Slide image \(optional\)/).setInputFiles(
      png('sky.png', 800, 450, [90, 150, 230]),
    );
    await editor.getByText('Replace image').waitFor();
    // An image without a description is refused, next to the description's field.
    await editor.getByRole('button', { name: 'Save', exact: true }).click();
    const alt = editor.getByLabel('Slide image description');
    assert.equal(await alt.getAttribute('aria-invalid'), 'true');
    await editor.getByText('Describe the image for screen readers.').first().waitFor();
    await alt.fill(SKY_ALT);
    await editor.getByLabel('Speaker notes').fill(NOTES);
    await editor.getByText('Only you see these', { exact: false }).waitFor();

    // Slide 2: a picture alone, named "Slide 2" in the list with its thumbnail.
    await editor.getByRole('button', { name: /^Slide 2:/ }).click();
    await picker(editor, /^Slide image \(optional\)/).setInputFiles(
      png('field.png', 1200, 900, [240, 200, 40]),
    );
    await editor.getByLabel('Slide image description').fill(FIELD_ALT);
    await editor.getByRole('button', { name: /^Slide 2: Slide 2\W+Content only/ }).waitFor();

    // Slide 3: an image, then a pin question, which takes that image and its description.
    await editor.getByRole('button', { name: 'Add slide' }).click();
    await editor.getByRole('heading', { name: /^Slide 3/ }).waitFor();
    await picker(editor, /^Slide image \(optional\)/).setInputFiles(
      png('playground.png', 600, 400, [120, 200, 120]),
    );
    await editor.getByLabel('Slide image description').fill(PLAYGROUND_ALT);
    await editor.getByLabel('Question type').selectOption({ label: 'Pin on image' });
    await editor.getByLabel('Question', { exact: true }).fill('Where is the climbing frame?');
    assert.equal(
      await editor.getByLabel('Image description', { exact: true }).inputValue(),
      PLAYGROUND_ALT,
    );
    await editor.getByRole('img', { name: PLAYGROUND_ALT }).first().waitFor();

    await editor.getByRole('button', { name: 'Save', exact: true }).click();
    await editor.getByText('Saved', { exact: true }).waitFor();
    await assertAccessible(editor, 'the editor with slide images');
    await editor.getByRole('button', { name: /^Slide 1:/ }).click();
    await shot(editor, 'editor-1366');
    // On a phone the list sits above the editor; nothing scrolls sideways.
    await editor.setViewportSize({ width: 360, height: 740 });
    assert.equal(await sidewaysOverflow(editor), 0, 'the editor fits a 360 px phone');
    await assertAccessible(editor, 'the editor with slide images (phone)');
    await shot(editor, 'editor-360');
    await editor.setViewportSize({ width: 1366, height: 900 });
  });

  it('text typed while an image uploads is kept and saved (pin, image choice, slide image)', async () => {
    // A pin question with no slide image: its picture uploads slowly while the teacher describes it.
    await editor.getByRole('button', { name: /^Slide 3:/ }).click();
    await editor.getByRole('button', { name: 'Add slide' }).click();
    await editor.getByRole('heading', { name: /^Slide 4/ }).waitFor();
    await editor.getByLabel('Question type').selectOption({ label: 'Pin on image' });
    await editor.getByLabel('Question', { exact: true }).fill('Where is the gate?');
    let slow = await holdRequests(editor, '**/api/uploads');
    await picker(editor, /^Image to pin on/).setInputFiles(
      png('gate.png', 640, 480, [160, 90, 60]),
    );
    await editor.getByText('Uploading…', { exact: true }).waitFor();
    assert.equal(slow.held, 1);
    await editor.getByLabel('Image description', { exact: true }).fill(GATE_ALT);
    slow.release();
    await editor.getByText('Replace image').waitFor();
    assert.equal(
      await editor.getByLabel('Image description', { exact: true }).inputValue(),
      GATE_ALT,
    );
    await editor.unrouteAll();

    // The same for a picture option of an image choice (then back to the pin, which is kept).
    await editor.getByLabel('Question type').selectOption({ label: 'Image choice' });
    slow = await holdRequests(editor, '**/api/uploads');
    await picker(editor, /^Option B image/).setInputFiles(png('b.png', 120, 90, [30, 30, 30]));
    await editor.getByText('Uploading…', { exact: true }).waitFor();
    await editor.getByLabel('Option B description').fill('A black square');
    slow.release();
    await editor.getByText('Uploading…', { exact: true }).waitFor({ state: 'detached' });
    assert.equal(await editor.getByLabel('Option B description').inputValue(), 'A black square');
    await editor.getByRole('img', { name: 'A black square' }).waitFor();
    await editor.unrouteAll();
    await editor.getByLabel('Question type').selectOption({ label: 'Pin on image' });
    assert.equal(
      await editor.getByLabel('Image description', { exact: true }).inputValue(),
      GATE_ALT,
    );

    // Slide 1: its image replaced slowly while the teacher rewrites its description.
    await editor.getByRole('button', { name: /^Slide 1:/ }).click();
    slow = await holdRequests(editor, '**/api/uploads');
    await picker(editor, /^Slide image \(optional\)/).setInputFiles(
      png('sky2.png', 800, 450, [70, 130, 220]),
    );
    await editor.getByText('Uploading…', { exact: true }).waitFor();
    await editor.getByLabel('Slide image description').fill(SKY_ALT_LATER);
    slow.release();
    await editor.getByText('Replace image').waitFor();
    await editor.getByText('Uploading…', { exact: true }).waitFor({ state: 'detached' });
    assert.equal(await editor.getByLabel('Slide image description').inputValue(), SKY_ALT_LATER);
    await editor.unrouteAll();

    await editor.getByRole('button', { name: 'Save', exact: true }).click();
    await editor.getByText('Saved', { exact: true }).waitFor();
    const stored = (await (await editor.request.get(`/api/decks/${deckId}`)).json()) as {
      deck: Deck;
    };
    const [sky, field, playground, gate] = stored.deck.slides;
    assert.equal(sky?.image?.alt, SKY_ALT_LATER);
    assert.equal(sky?.notes, NOTES);
    // The upload answer's size, or the image's own when the answer has none.
    assert.deepEqual([sky?.image?.width, sky?.image?.height], [800, 450]);
    assert.deepEqual([field?.image?.width, field?.image?.height], [1200, 900]);
    assert.equal(field?.question, undefined);
    assert.equal(playground?.question?.kind, 'pin-on-image');
    if (playground?.question?.kind === 'pin-on-image') {
      assert.equal(playground.question.imageUrl, playground.image?.url);
      assert.equal(playground.question.imageAlt, PLAYGROUND_ALT);
    }
    assert.equal(gate?.question?.kind, 'pin-on-image');
    if (gate?.question?.kind === 'pin-on-image') {
      assert.equal(gate.question.imageAlt, GATE_ALT);
      assert.match(gate.question.imageUrl, /^\/uploads\//);
    }
  });

  it('students see the image above the question, which never moves, and never the notes', async () => {
    await editor.goto('/teacher');
    await editor.getByRole('button', { name: `Start session with ${DECK_TITLE}` }).click();
    await editor.waitForURL(/\/teacher\/sessions\/[^/]+$/);
    const dashboard = editor;
    const code = (
      (await dashboard
        .getByLabel(/^Join code/)
        .first()
        .textContent()) ?? ''
    ).trim();

    const join = async (context: BrowserContext, name: string) => {
      const page = await context.newPage();
      await page.goto('/join');
      await page.getByLabel('Session code').fill(code);
      await page.getByRole('button', { name: 'Continue' }).click();
      await page.getByLabel('Your name').fill(name);
      await page.getByRole('button', { name: 'Join' }).click();
      await page.getByRole('heading', { name, exact: true }).waitFor();
      return page;
    };

    const phoneContext = await suite.browser.newContext({
      baseURL: suite.stack.webUrl,
      viewport: { width: 360, height: 740 },
      isMobile: true,
      hasTouch: true,
      deviceScaleFactor: 2,
    });
    // Everything the phone receives, to look for the speaker notes in it.
    const received: Array<Promise<string>> = [];
    phoneContext.on('response', (response) => {
      if (!/^image\//.test(response.headers()['content-type'] ?? '')) {
        received.push(response.text().catch(() => ''));
      }
    });
    phoneContext.on('page', (page) =>
      page.on('websocket', (socket) =>
        socket.on('framereceived', (frame) =>
          received.push(Promise.resolve(String(frame.payload))),
        ),
      ),
    );
    // Layout shifts, from the first paint on.
    await phoneContext.addInitScript(() => {
      const w = window as unknown as { layoutShifts: number[] };
      w.layoutShifts = [];
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) {
          w.layoutShifts.push((entry as unknown as { value: number }).value);
        }
      }).observe({ type: 'layout-shift', buffered: true });
    });
    const images = await holdRequests(phoneContext, '**/uploads/**');
    const imageRequested = phoneContext.waitForEvent('request', {
      predicate: (request) => new URL(request.url()).pathname.startsWith('/uploads/'),
    });
    const student = await join(phoneContext, 'Pia');

    const image = student.getByRole('img', { name: SKY_ALT_LATER });
    await image.waitFor();
    await student.getByText('What colour is the sky here?').waitFor();
    assert.equal(await image.getAttribute('width'), '800');
    assert.equal(await image.getAttribute('height'), '450');
    await imageRequested;
    assert.equal(await image.evaluate((img: HTMLImageElement) => img.complete), false);
    const blue = student.getByText('Blue', { exact: true });
    const submit = student.getByRole('button', { name: 'Submit answer' });
    const before = [await boxOf(image), await boxOf(blue), await boxOf(submit)];
    const shiftsBefore = await student.evaluate(
      () => (window as unknown as { layoutShifts: number[] }).layoutShifts.length,
    );

    images.release();
    await loaded(image);
    await student.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)));
    const after = [await boxOf(image), await boxOf(blue), await boxOf(submit)];
    assert.deepEqual(after, before, 'the image, the options and Submit stay where they were');
    const shifts = await student.evaluate(
      () => (window as unknown as { layoutShifts: number[] }).layoutShifts,
    );
    assert.deepEqual(shifts.slice(shiftsBefore), [], 'no layout shift when the image loads');
    // The phone downloads a copy sized for it, not the original.
    assert.match(await image.evaluate((img: HTMLImageElement) => img.currentSrc), /-w960\.webp$/);

    assert.equal(await sidewaysOverflow(student), 0, 'the phone page does not scroll sideways');
    await assertAccessible(student, 'a question slide with an image (phone)');
    await shot(student, 'question-360');
    await student.getByLabel('Blue').check({ force: true });
    await submit.tap();
    await student.getByText('✓ Received').waitFor();

    // Slide 2, a picture alone: on the phone and on a laptop.
    const laptopContext = await suite.browser.newContext({
      baseURL: suite.stack.webUrl,
      viewport: { width: 1366, height: 768 },
    });
    const laptop = await join(laptopContext, 'Lou');
    await dashboard.getByRole('button', { name: 'Next slide' }).click();
    for (const page of [student, laptop]) {
      await page.getByRole('heading', { name: 'Slide 2', exact: true }).waitFor();
      const picture = page.getByRole('img', { name: FIELD_ALT });
      await picture.waitFor();
      await loaded(picture);
      assert.equal(await sidewaysOverflow(page), 0);
      await assertAccessible(page, 'a slide that is only an image');
    }
    await shot(student, 'image-only-360');
    await shot(laptop, 'image-only-1366');

    // Slide 3: the pin question's picture is the slide image, shown once.
    await dashboard.getByRole('button', { name: 'Next slide' }).click();
    await student.getByText('Where is the climbing frame?').waitFor();
    await student.getByRole('img', { name: PLAYGROUND_ALT }).first().waitFor();
    assert.equal(await student.getByAltText(PLAYGROUND_ALT).count(), 1);
    await assertAccessible(student, 'a pin question on the slide image (phone)');
    await shot(student, 'pin-on-slide-image-360');

    // The speaker notes reached no student: not in the page, not over the network.
    assert.equal((await student.content()).includes(NOTES), false);
    const texts = await Promise.all(received);
    assert.ok(
      texts.some((t) => t.includes(SKY_ALT_LATER)),
      'the capture saw the slide data',
    );
    assert.equal(
      texts.some((t) => t.includes(NOTES)),
      false,
      'the notes were sent to a student',
    );
    await phoneContext.close();
    await laptopContext.close();
    await teacher.close();
  });
});
