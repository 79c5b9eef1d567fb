import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { Answer, DeckInput, Slide } from '@classpulse/realtime/protocol';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import sharp from 'sharp';
import { assertAccessible, sidewaysOverflow } from './support/browser.ts';
import { chromiumSuite } from './support/chromium-suite.ts';
import { solidPng } from './support/fixtures.ts';
import { seedAnswers } from './support/seed-answers.ts';
import { signInCookie, signInInBrowser } from './support/sign-in.ts';
import { startStack, type Stack } from './support/stack.ts';
import { startSessionOf } from './support/start-session.ts';

/*
 * The projector and the dashboard show the slide, on a 1920×1080 projector: the picture, the
 * question and its options before any reveal; revealed results that always fit the screen (30
 * and 100 short answers); a running timer's countdown on both; speaker notes on the dashboard;
 * full screen. Answers are seeded through the engine (support/seed-answers.ts), not typed.
 */

const ARTIFACTS = fileURLToPath(new URL('../test-artifacts', import.meta.url));
const PROJECTOR = { width: 1920, height: 1080 };
const PICTURE = { width: 1600, height: 900, alt: 'A cross-section of a volcano' };
const NOTES = 'Ask who has seen a volcano. Then show the eruption video.';

/**
 * A picture with something to see in it: sky, a brown cone and a red vent. A PNG, so the
 * projector loads it through its WebP srcset copies (lib/image-sources.ts), as a real slide does.
 */
function volcanoPng(): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${PICTURE.width}" height="${PICTURE.height}">
    <rect width="100%" height="100%" fill="#bfdbfe"/>
    <polygon points="200,900 800,150 1400,900" fill="#78350f"/>
    <rect x="740" y="150" width="120" height="750" fill="#dc2626"/>
  </svg>`;
  return sharp(Buffer.from(svg)).png().toBuffer();
}

function lessonDeck(picture: string, colours: Record<'red' | 'green' | 'blue', string>): DeckInput {
  const image = { url: picture, alt: PICTURE.alt, width: PICTURE.width, height: PICTURE.height };
  return {
    title: 'Volcanoes',
    slides: [
      { id: 'cover', image, notes: 'Welcome everyone.' },
      {
        id: 'gas',
        title: 'What comes out',
        body: 'Magma rises through the crust and lets its gases go.',
        image,
        notes: NOTES,
        question: {
          kind: 'multiple-choice',
          prompt: 'Which gas do volcanoes release most?',
          options: [
            { id: 'water', label: 'Water vapour' },
            { id: 'oxygen', label: 'Oxygen' },
            { id: 'helium', label: 'Helium' },
            { id: 'neon', label: 'Neon' },
          ],
          correctOptionIds: ['water'],
        },
      },
      {
        id: 'lava',
        title: 'Lava colour',
        question: {
          kind: 'image-choice',
          prompt: 'Which colour is fresh lava?',
          options: [
            { id: 'red', imageUrl: colours.red, alt: 'A red square' },
            { id: 'green', imageUrl: colours.green, alt: 'A green square' },
            { id: 'blue', imageUrl: colours.blue, alt: 'A blue square' },
          ],
          correctOptionIds: ['red'],
        },
      },
      {
        id: 'words',
        title: 'In your words',
        question: { kind: 'short-text', prompt: 'Name one thing a volcano makes' },
      },
    ],
  };
}

/** A hall of 100: many answers, the most options a question may have, a full word cloud. */
const hallDeck: DeckInput = {
  title: 'Big hall',
  slides: [
    {
      id: 'words',
      title: 'One hundred voices',
      question: { kind: 'short-text', prompt: 'One thing you learned today' },
    },
    {
      id: 'many',
      title: 'Ten options',
      question: {
        kind: 'multiple-choice',
        prompt: 'Which of these is an igneous rock formed from fast-cooling lava?',
        options: Array.from({ length: 10 }, (_, i) => ({
          id: `o${i}`,
          label: `Option ${i + 1}: a rather long description of a rock, number ${i + 1}`,
        })),
      },
    },
    {
      id: 'cloud',
      title: 'Word cloud',
      question: { kind: 'word-cloud', prompt: 'Three words for volcanoes', maxWords: 3 },
    },
  ],
};

const THINGS = ['ash', 'lava', 'steam', 'new islands', 'rich soil', 'pumice', 'sulphur smell'];

/** The seeded answer of student `i`: unique, so each one can be found on the wall. */
function seededAnswer(i: number, _round: number, slide: Slide): Answer | null {
  const question = slide.question;
  switch (question?.kind) {
    case 'multiple-choice':
    case 'image-choice':
      return {
        kind: question.kind,
        optionIds: [question.options[(i * 7) % question.options.length]!.id],
      };
    case 'short-text':
      return { kind: 'short-text', text: `Answer ${i + 1}: ${THINGS[i % THINGS.length]}` };
    case 'word-cloud':
      // Seventy different words (more than a cloud shows), some long, the common ones repeated.
      return {
        kind: 'word-cloud',
        words: [`pyroclastic${i % 70}`, THINGS[i % THINGS.length]!.replace(' ', '-'), 'magma'],
      };
    default:
      return null;
  }
}

const sessions = { lesson: '', hall: '' };

/** Uploads a picture as a teacher; its /uploads/ URL. */
async function upload(stack: Stack, cookie: string, name: string, bytes: Buffer): Promise<string> {
  const type = name.endsWith('.gif') ? 'image/gif' : 'image/png';
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(bytes)], { type }), name);
  const res = await fetch(`${stack.webUrl}/api/uploads`, {
    method: 'POST',
    headers: { cookie },
    body: form,
  });
  const body = await res.text();
  assert.equal(res.status, 201, body);
  return (JSON.parse(body) as { url: string }).url;
}

/** The stack with two sessions: a lesson answered by 30 students, a hall by 100. */
async function seededStack(): Promise<Stack> {
  const stack = await startStack();
  try {
    await seedSessions(stack);
  } catch (error) {
    await stack.stop();
    throw error;
  }
  return stack;
}

async function seedSessions(stack: Stack): Promise<void> {
  const cookie = await signInCookie(stack.webUrl, stack.owner!);
  const picture = await upload(stack, cookie, 'volcano.png', await volcanoPng());
  const colours = {
    red: await upload(stack, cookie, 'red.png', solidPng(40, 30, [200, 30, 30])),
    green: await upload(stack, cookie, 'green.png', solidPng(40, 30, [30, 160, 60])),
    blue: await upload(stack, cookie, 'blue.png', solidPng(40, 30, [30, 60, 200])),
  };
  sessions.lesson = (
    await startSessionOf(stack.webUrl, cookie, lessonDeck(picture, colours))
  ).sessionId;
  sessions.hall = (await startSessionOf(stack.webUrl, cookie, hallDeck)).sessionId;
  await stack.kill();
  for (const [sessionId, students] of [
    [sessions.lesson, 30],
    [sessions.hall, 100],
  ] as const)
    await seedAnswers({
      dataDir: stack.dataDir,
      sessionId,
      students,
      answersPerSlide: 1,
      answerFor: seededAnswer,
    });
  await stack.restart();
}

/** Whether `target`'s whole box lies inside the page's viewport. */
async function insideViewport(page: Page, target: Locator): Promise<boolean> {
  const box = await target.boundingBox();
  const viewport = page.viewportSize();
  assert.ok(box && viewport);
  return (
    box.x >= 0 &&
    box.y >= 0 &&
    box.x + box.width <= viewport.width + 0.5 &&
    box.y + box.height <= viewport.height + 0.5
  );
}

/** Neither scrollbar: the page is exactly one screen. */
async function assertNoScrollbars(page: Page, what: string): Promise<void> {
  const overflow = await page.evaluate(() => ({
    x: document.documentElement.scrollWidth - document.documentElement.clientWidth,
    y: document.documentElement.scrollHeight - document.documentElement.clientHeight,
  }));
  assert.deepEqual(overflow, { x: 0, y: 0 }, `${what} scrolls`);
}

/** Every picture on the page has arrived and decoded. */
function imagesLoaded(page: Page): Promise<unknown> {
  return page.waitForFunction(() =>
    [...document.images].every((img) => img.complete && img.naturalWidth > 0),
  );
}

/** Chooses a slide on the dashboard with its Next / Previous buttons and waits for the echo. */
async function goToSlide(dashboard: Page, number: number, total: number): Promise<void> {
  for (;;) {
    const text = (await dashboard.getByText(/^Slide \d+ of \d+$/).textContent()) ?? '';
    const current = Number(/Slide (\d+)/.exec(text)?.[1]);
    if (current === number) return;
    await dashboard
      .getByRole('button', { name: current < number ? 'Next slide' : 'Previous slide' })
      .click();
    await dashboard
      .getByText(`Slide ${current < number ? current + 1 : current - 1} of ${total}`)
      .waitFor();
  }
}

/** Reveals the current slide's results to the class, anonymously, from the dashboard. */
async function revealAnonymously(dashboard: Page): Promise<void> {
  await dashboard.getByLabel('Show results to students').selectOption('anonymous');
}

describe('the projector and the dashboard show the slide (1920×1080)', () => {
  const suite = chromiumSuite(seededStack);
  let teacher: BrowserContext;
  let dashboard: Page;
  let projector: Page;
  const shot = (page: Page, file: string) =>
    page.screenshot({ path: join(ARTIFACTS, `projector-${file}.png`) });

  before(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    teacher = await suite.browser.newContext({
      baseURL: suite.stack.webUrl,
      viewport: PROJECTOR,
      reducedMotion: 'reduce',
    });
    dashboard = await teacher.newPage();
    await signInInBrowser(dashboard, suite.stack.owner!);
    await dashboard.goto(`/teacher/sessions/${sessions.lesson}`);
    projector = await teacher.newPage();
    await projector.goto(`/teacher/sessions/${sessions.lesson}/projector`);
  });

  after(() => teacher?.close());

  it('the site has an icon', async () => {
    const res = await fetch(`${suite.stack.webUrl}/favicon.ico`);
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /^image\//);
    const bytes = Buffer.from(await res.arrayBuffer());
    // An ICO file: reserved 0, type 1 (icon), at least one image.
    assert.equal(bytes.readUInt16LE(0), 0);
    assert.equal(bytes.readUInt16LE(2), 1);
    assert.ok(bytes.readUInt16LE(4) >= 1);
    // Pages name it too (and the SVG icon), so a browser need not guess.
    const icons = await dashboard
      .locator('link[rel~="icon"]')
      .evaluateAll((links) => links.map((l) => (l as HTMLLinkElement).href));
    assert.ok(
      icons.some((href) => new URL(href).pathname === '/favicon.ico'),
      icons.join(),
    );
  });

  it('a picture alone fills the projector; the dashboard shows it small with its notes', async () => {
    await goToSlide(dashboard, 1, 4);
    const picture = projector.getByRole('img', { name: PICTURE.alt });
    await picture.waitFor();
    await imagesLoaded(projector);
    const box = await picture.boundingBox();
    assert.ok(box);
    // The screen under the header, nearly all of it (object-fit keeps the picture's shape).
    assert.ok(box.width >= PROJECTOR.width * 0.9, `picture ${box.width} px wide`);
    assert.ok(box.height >= PROJECTOR.height * 0.6, `picture ${box.height} px tall`);
    assert.ok(await insideViewport(projector, picture), 'the picture is on the screen');
    await assertNoScrollbars(projector, 'the projector with a picture alone');
    await shot(projector, 'image-only');

    const thumb = dashboard.getByRole('img', { name: PICTURE.alt });
    await thumb.waitFor();
    const thumbBox = await thumb.boundingBox();
    assert.ok(thumbBox && thumbBox.width <= 240, 'the dashboard shows the picture small');
    await dashboard
      .getByRole('region', { name: 'Speaker notes' })
      .getByText('Welcome everyone.')
      .waitFor();
  });

  it('before the reveal the projector shows picture, words, prompt and options, never the answer', async () => {
    await goToSlide(dashboard, 2, 4);
    await projector.getByRole('heading', { name: 'What comes out' }).waitFor();
    await projector.getByText('Magma rises through the crust').waitFor();
    await projector.getByText('Which gas do volcanoes release most?').waitFor();
    const options = projector.getByRole('list', { name: 'Options' }).getByRole('listitem');
    assert.deepEqual(await options.allTextContents(), ['Water vapour', 'Oxygen', 'Helium', 'Neon']);
    await projector.getByText('30 answers so far').waitFor();
    assert.equal(await projector.getByText(/correct answer/i).count(), 0, 'no answer shown');
    const picture = projector.getByRole('img', { name: PICTURE.alt });
    await imagesLoaded(projector);
    assert.ok(await insideViewport(projector, picture));
    for (const option of await options.all())
      assert.ok(await insideViewport(projector, option), 'every option is on the screen');
    await assertNoScrollbars(projector, 'the projector before the reveal');
    await assertAccessible(projector, 'the projector before the reveal');
    await shot(projector, 'before-reveal');
    // A smaller projector (a 1366×768 laptop) still shows it all on one screen.
    await projector.setViewportSize({ width: 1366, height: 768 });
    await settled(projector);
    for (const option of await options.all())
      assert.ok(await insideViewport(projector, option), 'every option is on a 1366 px screen');
    await assertNoScrollbars(projector, 'the projector at 1366×768');
    await shot(projector, 'before-reveal-1366');
    await projector.setViewportSize(PROJECTOR);

    // The teacher's notes: on the dashboard, never on the wall.
    await dashboard.getByRole('region', { name: 'Speaker notes' }).getByText(NOTES).waitFor();
    assert.equal(await projector.getByText(NOTES).count(), 0, 'notes stay off the wall');
    await assertAccessible(dashboard, 'the dashboard with a picture and notes');
    await dashboard.screenshot({ path: join(ARTIFACTS, 'projector-dashboard-notes.png') });
    // On a phone the picture and the notes stack, and nothing scrolls sideways.
    await dashboard.setViewportSize({ width: 360, height: 740 });
    assert.equal(await sidewaysOverflow(dashboard), 0, 'the dashboard fits a 360 px phone');
    await dashboard.getByRole('region', { name: 'Speaker notes' }).scrollIntoViewIfNeeded();
    await dashboard.screenshot({ path: join(ARTIFACTS, 'projector-dashboard-notes-360.png') });
    await dashboard.setViewportSize(PROJECTOR);
  });

  it('image choice shows its pictures as options', async () => {
    await goToSlide(dashboard, 3, 4);
    await projector.getByRole('heading', { name: 'Lava colour' }).waitFor();
    const options = projector.getByRole('list', { name: 'Options' });
    for (const alt of ['A red square', 'A green square', 'A blue square'])
      await options.getByRole('img', { name: alt }).waitFor();
    await imagesLoaded(projector);
    await assertNoScrollbars(projector, 'the projector with image choice');
    await shot(projector, 'image-choice');
  });

  it('a running timer counts down on the dashboard and the projector', async () => {
    await goToSlide(dashboard, 2, 4);
    await dashboard.getByLabel('Timer').selectOption({ label: '2 minutes' });
    await dashboard.getByRole('button', { name: 'Start timer' }).click();
    for (const page of [dashboard, projector]) {
      const countdown = page.getByLabel(/^\d+ seconds left$/);
      await countdown.waitFor();
      const seconds = Number(
        /^(\d+)/.exec((await countdown.getAttribute('aria-label')) ?? '')?.[1],
      );
      assert.ok(seconds > 100 && seconds <= 120, `${seconds} seconds left`);
      assert.match((await countdown.textContent()) ?? '', /[12]:\d\d/);
    }
    assert.ok(await insideViewport(projector, projector.getByLabel(/seconds left$/)));
    await assertNoScrollbars(projector, 'the projector with a timer');
    await assertAccessible(projector, 'the projector with a timer');
    await assertAccessible(dashboard, 'the dashboard with a timer');
    await shot(projector, 'timer');
    await dashboard.screenshot({ path: join(ARTIFACTS, 'projector-dashboard-timer.png') });
    await dashboard.getByRole('button', { name: 'Cancel timer' }).click();
    for (const page of [dashboard, projector])
      await page.getByLabel(/seconds left$/).waitFor({ state: 'detached' });
  });

  it('30 revealed answers all fit the projector', async () => {
    await goToSlide(dashboard, 4, 4);
    await projector.getByRole('heading', { name: 'In your words' }).waitFor();
    await revealAnonymously(dashboard);
    await projector.getByText('Answer 30: ').waitFor();
    const answers = projector.getByRole('listitem');
    await waitForAnswers(answers, 30);
    await settled(projector);
    for (const answer of await answers.all())
      assert.ok(await insideViewport(projector, answer), `${await answer.textContent()} fits`);
    await assertNoScrollbars(projector, 'the projector with 30 answers');
    await assertAccessible(projector, 'the projector with 30 answers');
    await shot(projector, 'answers-30');
  });

  it('full screen: the button enters it, and the button or Escape leave it', async () => {
    const enter = projector.getByRole('button', { name: 'Full screen' });
    await enter.focus();
    await projector.keyboard.press('Enter');
    await projector.waitForFunction(() => document.fullscreenElement !== null);
    const leave = projector.getByRole('button', { name: 'Exit full screen' });
    await leave.waitFor();
    await settled(projector);
    for (const answer of await projector.getByRole('listitem').all())
      assert.ok(await insideViewport(projector, answer), 'fits in full screen');
    await leave.click();
    await projector.waitForFunction(() => document.fullscreenElement === null);
    await enter.click();
    await projector.waitForFunction(() => document.fullscreenElement !== null);
    await projector.keyboard.press('Escape');
    await projector.waitForFunction(() => document.fullscreenElement === null);
    await enter.waitFor();
  });

  it('100 revealed answers, ten options and a full word cloud all fit the projector', async () => {
    const hall = await teacher.newPage();
    await hall.goto(`/teacher/sessions/${sessions.hall}`);
    await goToSlide(hall, 1, 3);
    await revealAnonymously(hall);
    const wall = await teacher.newPage();
    await wall.goto(`/teacher/sessions/${sessions.hall}/projector`);
    await wall.getByText('Answer 100: ').waitFor();
    const answers = wall.getByRole('listitem');
    await waitForAnswers(answers, 100);
    await settled(wall);
    for (const answer of await answers.all())
      assert.ok(await insideViewport(wall, answer), `${await answer.textContent()} fits`);
    await assertNoScrollbars(wall, 'the projector with 100 answers');
    await shot(wall, 'answers-100');

    await goToSlide(hall, 2, 3);
    await revealAnonymously(hall);
    const chart = wall.getByRole('img', { name: /^100 responses\. Most chosen/ });
    await chart.waitFor();
    await settled(wall);
    assert.ok(await insideViewport(wall, chart), 'all ten bars are on the screen');
    await assertNoScrollbars(wall, 'the projector with ten options');
    await shot(wall, 'options-10');

    await goToSlide(hall, 3, 3);
    await revealAnonymously(hall);
    const cloud = wall.getByRole('img', { name: /^Word cloud of / });
    await cloud.waitFor();
    await settled(wall);
    assert.ok(await insideViewport(wall, cloud), 'the whole cloud is on the screen');
    for (const word of await wall
      .getByRole('list', { name: 'Top words' })
      .getByRole('listitem')
      .all())
      assert.ok(await insideViewport(wall, word), 'every top word is on the screen');
    await assertNoScrollbars(wall, 'the projector with a word cloud');
    await assertAccessible(wall, 'the projector with a word cloud');
    await shot(wall, 'word-cloud');
    await hall.close();
    await wall.close();
  });
});

async function waitForAnswers(answers: Locator, count: number): Promise<void> {
  for (let i = 0; i < 100 && (await answers.count()) !== count; i++)
    await new Promise((r) => setTimeout(r, 50));
  assert.equal(await answers.count(), count);
}

/** Two frames: the fitting (use-fit-scale.ts) runs in the frame after a change. */
function settled(page: Page): Promise<unknown> {
  return page.evaluate(
    () =>
      new Promise((resolve) =>
        requestAnimationFrame(() => requestAnimationFrame(() => resolve(null))),
      ),
  );
}
