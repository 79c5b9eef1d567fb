import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { DeckInput } from '@classpulse/realtime/protocol';
import { startAuthEmulator, startRtdbServer } from '@classpulse/realtime/testing';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { assertAccessible, sidewaysOverflow } from './support/browser.ts';
import { chromiumSuite } from './support/chromium-suite.ts';
import { parseCsv } from './support/csv.ts';
import { solidPng } from './support/fixtures.ts';
import { signInInBrowser } from './support/sign-in.ts';
import { startStack, type Stack } from './support/stack.ts';

/*
 * The two image kinds (draggable markers, image choice) and the target-region editor, in
 * Chromium on both student transports: one student by mouse at 1366 px, one by touch on a
 * 360 px phone, one by keyboard alone. One stack and one session per transport.
 */

const ARTIFACTS = fileURLToPath(new URL('../test-artifacts', import.meta.url));

function imageDeck(urls: { map: string; red: string; green: string; blue: string }): DeckInput {
  return {
    title: 'Maps and flags',
    slides: [
      {
        id: 'drag',
        title: 'Cities',
        question: {
          kind: 'draggable',
          prompt: 'Put the cities on the map',
          imageUrl: urls.map,
          imageAlt: 'Map of France',
          points: 10,
          markers: [
            { id: 'paris', label: 'Paris', target: { x: 0.4, y: 0.1, width: 0.2, height: 0.2 } },
            { id: 'nice', label: 'Nice', target: { x: 0.7, y: 0.7, width: 0.2, height: 0.2 } },
          ],
        },
      },
      {
        id: 'pics',
        title: 'Colours',
        question: {
          kind: 'image-choice',
          prompt: 'Which square is red?',
          options: [
            { id: 'red', imageUrl: urls.red, alt: 'A red square' },
            { id: 'green', imageUrl: urls.green, alt: 'A green square' },
            { id: 'blue', imageUrl: urls.blue, alt: 'A blue square' },
          ],
          correctOptionIds: ['red'],
        },
      },
      {
        id: 'pin',
        title: 'Pin',
        question: {
          kind: 'pin-on-image',
          prompt: 'Where is Lyon?',
          imageUrl: urls.map,
          imageAlt: 'Map of France',
        },
      },
    ],
  };
}

/** Presses Tab until `target` has focus: the way a keyboard user reaches a control. */
async function tabTo(page: Page, target: Locator, maxPresses = 40): Promise<void> {
  for (let i = 0; i < maxPresses; i++) {
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return;
    await page.keyboard.press('Tab');
  }
  assert.fail(`could not reach ${target.toString()} with Tab`);
}

async function pressTimes(page: Page, key: string, times: number): Promise<void> {
  for (let i = 0; i < times; i++) await page.keyboard.press(key);
}

/** Scrolls `target` to the middle of the viewport: a sticky header must not cover it. */
async function show(target: Locator): Promise<void> {
  await target.evaluate((el) => el.scrollIntoView({ block: 'center' }));
}

/** The viewport point at (fx, fy) of an element's box (fractions of its width and height). */
async function pointIn(target: Locator, fx: number, fy: number) {
  const box = await target.boundingBox();
  assert.ok(box, `${target.toString()} has a box`);
  return { x: box.x + box.width * fx, y: box.y + box.height * fy };
}

async function centreOf(target: Locator) {
  return pointIn(target, 0.5, 0.5);
}

/** Waits until a marker's button says it is placed, and checks where (±1%, pixels round). */
async function placedNear(page: Page, label: string, x: number, y: number): Promise<void> {
  const button = page.getByRole('button', { name: new RegExp(`^${label} placed`) });
  await button.waitFor();
  const text = (await button.textContent()) ?? '';
  const [, across, down] = /(\d+)% across, (\d+)% down/.exec(text) ?? [];
  assert.ok(
    Math.abs(Number(across) - x) <= 1 && Math.abs(Number(down) - y) <= 1,
    `${label} near ${x}% across, ${y}% down: ${text}`,
  );
}

async function mouseDrag(page: Page, from: { x: number; y: number }, to: { x: number; y: number }) {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(to.x, to.y, { steps: 10 });
  await page.mouse.up();
}

/** A finger drag: real touch events (CDP), which Chromium turns into pointer events. */
async function touchDrag(page: Page, from: { x: number; y: number }, to: { x: number; y: number }) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Input.dispatchTouchEvent', {
    type: 'touchStart',
    touchPoints: [{ x: from.x, y: from.y }],
  });
  for (let i = 1; i <= 10; i++) {
    await cdp.send('Input.dispatchTouchEvent', {
      type: 'touchMove',
      touchPoints: [
        { x: from.x + ((to.x - from.x) * i) / 10, y: from.y + ((to.y - from.y) * i) / 10 },
      ],
    });
  }
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await cdp.detach();
}

/** Ticks "Reveal correct answer"; the box follows the session's state, so wait for the echo. */
async function revealCorrect(dashboard: Page): Promise<void> {
  const box = dashboard.getByLabel('Reveal correct answer');
  await box.click();
  while (!(await box.isChecked())) await new Promise((r) => setTimeout(r, 50));
}

/**
 * Chromium's gesture detector takes two touches closer together than its double-tap window as
 * one gesture and drops a click; a real finger between two targets is slower than that.
 */
const fingerPause = (page: Page) => page.waitForTimeout(500);

interface Student {
  name: string;
  how: 'mouse' | 'touch' | 'keyboard';
  context: BrowserContext;
  page: Page;
}

function imageKindsFlow(name: string, prefix: string, start: () => Promise<Stack>): void {
  describe(`draggable and image choice by mouse, touch and keyboard (${name})`, () => {
    const suite = chromiumSuite(start);
    let teacher: BrowserContext;
    let dashboard: Page;
    let projector: Page;
    let deckId: string;
    let sessionPath: string;
    const students: Student[] = [];
    const shot = (page: Page, file: string) =>
      page.screenshot({ path: join(ARTIFACTS, `${prefix}${file}.png`), fullPage: true });

    before(() => mkdirSync(ARTIFACTS, { recursive: true }));

    it('the teacher uploads the pictures, saves the deck and starts a session', async () => {
      // Reduced motion: the editor scrolls a focused field into view at once, not smoothly
      // under a drag that is about to start.
      teacher = await suite.browser.newContext({
        baseURL: suite.stack.webUrl,
        viewport: { width: 1366, height: 900 },
        reducedMotion: 'reduce',
      });
      dashboard = await teacher.newPage();
      await signInInBrowser(dashboard, suite.stack.owner!);
      const upload = async (file: string, w: number, h: number, rgb: [number, number, number]) => {
        const res = await dashboard.request.post('/api/uploads', {
          multipart: { file: { name: file, mimeType: 'image/png', buffer: solidPng(w, h, rgb) } },
        });
        assert.equal(res.status(), 201);
        return ((await res.json()) as { url: string }).url;
      };
      const urls = {
        map: await upload('map.png', 160, 120, [200, 220, 240]),
        red: await upload('red.png', 40, 30, [200, 30, 30]),
        green: await upload('green.png', 40, 30, [30, 160, 60]),
        blue: await upload('blue.png', 40, 30, [30, 60, 200]),
      };
      const created = await dashboard.request.post('/api/decks', {
        data: { title: 'Maps and flags' },
      });
      deckId = ((await created.json()) as { id: string }).id;
      const saved = await dashboard.request.put(`/api/decks/${deckId}`, { data: imageDeck(urls) });
      assert.equal(saved.status(), 200, await saved.text());
      await dashboard.goto('/teacher');
      await dashboard.getByRole('button', { name: 'Start session with Maps and flags' }).click();
      await dashboard.waitForURL(/\/teacher\/sessions\/[^/]+$/);
      sessionPath = new URL(dashboard.url()).pathname;
      const code = (
        (await dashboard
          .getByLabel(/^Join code/)
          .first()
          .textContent()) ?? ''
      ).trim();
      projector = await teacher.newPage();
      await projector.setViewportSize({ width: 1366, height: 768 });
      await projector.goto(`${sessionPath}/projector`);
      await projector.getByRole('heading', { name: 'Cities' }).waitFor();

      for (const [how, nickname] of [
        ['mouse', 'Mo'],
        ['touch', 'Tia'],
        ['keyboard', 'Kay'],
      ] as const) {
        const context = await suite.browser.newContext(
          how === 'touch'
            ? {
                baseURL: suite.stack.webUrl,
                viewport: { width: 360, height: 740 },
                isMobile: true,
                hasTouch: true,
                deviceScaleFactor: 2,
              }
            : { baseURL: suite.stack.webUrl, viewport: { width: 1366, height: 900 } },
        );
        const page = await context.newPage();
        await page.goto('/join');
        await page.getByLabel('Session code').fill(code);
        await page.getByRole('button', { name: 'Continue' }).click();
        await page.getByLabel('Your name').fill(nickname);
        await page.getByRole('button', { name: 'Join' }).click();
        await page.getByRole('heading', { name: nickname, exact: true }).waitFor();
        students.push({ name: nickname, how, context, page });
      }
      await dashboard.getByText('0 of 3 answered').waitFor();
    });

    it('draggable: markers are dragged by mouse, by finger (and tapped), and moved by keyboard', async () => {
      const [mouse, touch, keyboard] = students as [Student, Student, Student];
      const marker = (p: Page, label: string) =>
        p.getByRole('button', { name: new RegExp(`^${label} (not placed|placed)`) });
      const map = (p: Page) => p.getByRole('img', { name: 'Map of France' });
      for (const s of students) await s.page.getByText('Slide 1 of 3').waitFor();
      // Pictures load before anything can land on them.
      for (const s of students)
        await s.page.waitForFunction(() =>
          [...document.images].every((img) => img.complete && img.naturalWidth > 0),
        );

      // Mouse: drag Paris to the wrong place, then drag it again from the picture into place.
      {
        const p = mouse.page;
        await show(map(p));
        await mouseDrag(p, await centreOf(marker(p, 'Paris')), await pointIn(map(p), 0.25, 0.5));
        await placedNear(p, 'Paris', 25, 50);
        await mouseDrag(p, await pointIn(map(p), 0.25, 0.5), await pointIn(map(p), 0.5, 0.2));
        await placedNear(p, 'Paris', 50, 20);
        await p.getByText(/^Paris placed \d+% across, \d+% down\.$/).waitFor();
        await mouseDrag(p, await centreOf(marker(p, 'Nice')), await pointIn(map(p), 0.8, 0.8));
        await placedNear(p, 'Nice', 80, 80);
        await assertAccessible(p, 'draggable input (desktop)');
        await shot(p, 'draggable-student-1366');
        await p.getByRole('button', { name: 'Submit answer' }).click();
        await p.getByText('✓ Received').waitFor();
      }

      // Touch on a 360 px phone: Submit with one marker is refused; drag Paris, tap Nice then the map.
      {
        const p = touch.page;
        assert.equal(await sidewaysOverflow(p), 0, 'the phone page does not scroll sideways');
        await show(map(p));
        await touchDrag(p, await centreOf(marker(p, 'Paris')), await pointIn(map(p), 0.5, 0.2));
        await placedNear(p, 'Paris', 50, 20);
        await fingerPause(p);
        await p.getByRole('button', { name: 'Submit answer' }).tap();
        await p
          .getByRole('alert')
          .filter({ hasText: 'Place every marker on the image.' })
          .waitFor();
        await show(map(p));
        await fingerPause(p);
        await marker(p, 'Nice').tap();
        await p.getByText('Nice selected. Tap or click the picture where it goes.').waitFor();
        const spot = await pointIn(map(p), 0.2, 0.8);
        await fingerPause(p);
        await p.touchscreen.tap(spot.x, spot.y);
        await placedNear(p, 'Nice', 20, 80);
        await assertAccessible(p, 'draggable input (phone)');
        await shot(p, 'draggable-student-360');
        await fingerPause(p);
        await p.getByRole('button', { name: 'Submit answer' }).tap();
        await p.getByText('✓ Received').waitFor();
      }

      // Keyboard alone: pick up, move, cancel with Escape; then place both, every step said.
      {
        const p = keyboard.page;
        await tabTo(p, marker(p, 'Paris'));
        await p.keyboard.press('Space');
        await p.getByText(/^Picked up Paris, 50% across, 50% down\./).waitFor();
        await p.keyboard.press('ArrowLeft');
        await p.getByText('Paris 45% across, 50% down.').waitFor();
        await p.keyboard.press('Escape');
        await p.getByText('Paris move cancelled, not placed.').waitFor();
        await p.getByRole('button', { name: 'Paris not placed' }).waitFor();
        await p.keyboard.press('Enter');
        await pressTimes(p, 'ArrowUp', 6);
        await p.keyboard.press('Shift+ArrowUp');
        await p.keyboard.press('Shift+ArrowDown');
        await p.keyboard.press('Enter');
        await p.getByText('Paris placed 50% across, 20% down.').waitFor();
        await tabTo(p, marker(p, 'Nice'));
        await p.keyboard.press('Space');
        await pressTimes(p, 'ArrowRight', 6);
        await pressTimes(p, 'ArrowDown', 6);
        await p.keyboard.press('Space');
        await p.getByText('Nice placed 80% across, 80% down.').waitFor();
        await tabTo(p, p.getByRole('button', { name: 'Submit answer' }));
        await p.keyboard.press('Enter');
        await p.getByText('✓ Received').waitFor();
      }

      await dashboard.getByText('3 of 3 answered').waitFor();
      await dashboard.getByText('2. Nice').first().waitFor();
      await dashboard.getByLabel('Show results to students').selectOption('anonymous');
      await revealCorrect(dashboard);
      // Paris in its target for all three, Nice for two.
      await dashboard.getByText('100% in its target').first().waitFor();
      await dashboard.getByText('67% in its target').first().waitFor();
      await projector.getByText('67% in its target').first().waitFor();
      await assertAccessible(dashboard, 'draggable results (dashboard)');
      await assertAccessible(projector, 'draggable results (projector)');
      await shot(dashboard, 'draggable-dashboard-1366');
      await shot(projector, 'draggable-projector-1366');
      await touch.page.getByText('67% in its target').first().waitFor();
      await assertAccessible(touch.page, 'draggable results (phone)');
      await shot(touch.page, 'draggable-results-360');
    });

    it('image choice: pictures chosen by click, by tap and by keyboard, named by their alt text', async () => {
      const [mouse, touch, keyboard] = students as [Student, Student, Student];
      await dashboard.getByRole('button', { name: 'Next slide' }).click();
      for (const s of students) await s.page.getByText('Slide 2 of 3').waitFor();

      await mouse.page.getByRole('radio', { name: 'A red square' }).click();
      await assertAccessible(mouse.page, 'image choice input (desktop)');
      await shot(mouse.page, 'image-choice-student-1366');
      await mouse.page.getByRole('button', { name: 'Submit answer' }).click();
      await mouse.page.getByText('✓ Received').waitFor();

      const phone = touch.page;
      assert.equal(await sidewaysOverflow(phone), 0, 'the phone page does not scroll sideways');
      await phone.getByRole('radio', { name: 'A red square' }).tap();
      assert.equal(await phone.getByRole('radio', { name: 'A red square' }).isChecked(), true);
      await assertAccessible(phone, 'image choice input (phone)');
      await shot(phone, 'image-choice-student-360');
      await fingerPause(phone);
      await phone.getByRole('button', { name: 'Submit answer' }).tap();
      await phone.getByText('✓ Received').waitFor();

      const p = keyboard.page;
      await tabTo(p, p.getByRole('radio', { name: 'A red square' }));
      await p.keyboard.press('ArrowDown');
      assert.equal(await p.getByRole('radio', { name: 'A green square' }).isChecked(), true);
      await tabTo(p, p.getByRole('button', { name: 'Submit answer' }));
      await p.keyboard.press('Enter');
      await p.getByText('✓ Received').waitFor();

      await dashboard.getByText('3 of 3 answered').waitFor();
      await dashboard.getByLabel('Show results to students').selectOption('anonymous');
      await revealCorrect(dashboard);
      await dashboard
        .getByRole('img', {
          name: /Most chosen: A red square, 2 \(67%\)\. Correct picture: A red square\./,
        })
        .waitFor();
      await projector.getByRole('img', { name: /Correct picture: A red square/ }).waitFor();
      await assertAccessible(dashboard, 'image choice results (dashboard)');
      await assertAccessible(projector, 'image choice results (projector)');
      await shot(dashboard, 'image-choice-dashboard-1366');
      await shot(projector, 'image-choice-projector-1366');
      await phone.getByRole('img', { name: /Correct picture: A red square/ }).waitFor();
      await shot(phone, 'image-choice-results-360');
    });

    it('the CSV names the markers with their places and the pictures by their alt text', async () => {
      const csv = await dashboard.request.get(
        `/api/sessions/${sessionPath.split('/').pop()}/report.csv`,
      );
      const records = parseCsv(await csv.text());
      const row = (who: string) => records.find((r) => r[0] === who)?.join(' | ') ?? '';
      assert.match(row('Kay'), /Paris at 50% across, 20% down; Nice at 80% across, 80% down/);
      assert.match(row('Kay'), /A green square/);
      assert.match(row('Tia'), /Nice at (19|20|21)% across, (79|80|81)% down/);
      assert.match(row('Mo'), /A red square/);
      const report = await teacher.newPage();
      await report.goto(`${sessionPath}/report`);
      await report.getByRole('heading', { name: 'Answers by student' }).waitFor();
      await assertAccessible(report, 'session report');
      await report.close();
    });

    it('the editor draws target areas by mouse, by finger and by numbers', async () => {
      if (prefix !== '') return; // the editor does not depend on the student transport
      const page = await teacher.newPage();
      await page.goto(`/teacher/decks/${deckId}`);
      await page.getByLabel('Deck title').waitFor();

      // Draggable: each marker's target, shown as numbers; Nice's redrawn with the mouse.
      await page.getByRole('button', { name: /^Slide 1:/ }).click();
      const paris = page.getByRole('group', { name: /^Target area for Paris/ });
      assert.equal(await paris.getByLabel('Left edge').inputValue(), '40');
      await page.getByRole('button', { name: 'Remove Target area for Nice' }).click();
      const niceStage = page.getByRole('img', { name: /^Where Nice belongs: no area yet/ });
      await show(niceStage);
      await mouseDrag(page, await pointIn(niceStage, 0.1, 0.1), await pointIn(niceStage, 0.3, 0.4));
      const nice = page.getByRole('group', { name: /^Target area for Nice/ });
      assert.equal(Math.round(Number(await nice.getByLabel('Left edge').inputValue())), 10);
      assert.equal(Math.round(Number(await nice.getByLabel('Height').inputValue())), 30);
      await page.getByLabel('Points').fill('5');
      await assertAccessible(page, 'draggable editor');
      await shot(page, 'draggable-editor-1366');

      // Image choice: each picture's description is required.
      await page.getByRole('button', { name: /^Slide 2:/ }).click();
      await page.getByLabel('Option A description').waitFor();
      await assertAccessible(page, 'image choice editor');
      await shot(page, 'image-choice-editor-1366');

      // Pin on image: correct areas by keyboard alone (numbers), then one drawn.
      await page.getByRole('button', { name: /^Slide 3:/ }).click();
      const add = page.getByRole('button', { name: 'Add area by numbers' });
      await tabTo(page, add);
      await page.keyboard.press('Enter');
      const area = page.getByRole('group', { name: /^Correct area 1/ });
      await area.getByLabel('Left edge').waitFor();
      await tabTo(page, area.getByLabel('Left edge'));
      await page.keyboard.press('Control+A');
      await page.keyboard.type('35');
      await page.keyboard.press('Tab');
      await page.keyboard.press('Control+A');
      await page.keyboard.type('40');
      await page.keyboard.press('Tab');
      await page.keyboard.press('Control+A');
      await page.keyboard.type('20');
      await page.keyboard.press('Tab');
      await page.keyboard.press('Control+A');
      await page.keyboard.type('15');
      const pinStage = page.getByRole('img', { name: /^Correct area\(s\):/ });
      await pinStage
        .and(page.getByRole('img', { name: /from 35% to 55% across, 40% to 55% down/ }))
        .waitFor();
      await show(pinStage);
      await mouseDrag(page, await pointIn(pinStage, 0.7, 0.7), await pointIn(pinStage, 0.9, 0.9));
      await page.getByRole('group', { name: /^Correct area 2/ }).waitFor();
      await assertAccessible(page, 'pin correct areas editor');
      await shot(page, 'pin-editor-1366');
      await page.keyboard.press('Control+s');
      await page
        .getByText(/^Saved/)
        .first()
        .waitFor();

      const stored = (await (await page.request.get(`/api/decks/${deckId}`)).json()) as {
        deck: DeckInput;
      };
      const slides = stored.deck.slides;
      const drag = slides[0]?.question;
      assert.ok(drag?.kind === 'draggable');
      assert.equal(drag.points, 5);
      assert.equal(Math.round((drag.markers[1]?.target?.x ?? 0) * 100), 10);
      const pin = slides[2]?.question;
      assert.ok(pin?.kind === 'pin-on-image');
      assert.deepEqual(pin.targets?.[0], { x: 0.35, y: 0.4, width: 0.2, height: 0.15 });
      assert.equal(pin.targets?.length, 2);
      await page.close();

      // A phone: the editor fits 360 px, and a finger draws an area.
      const phone = await suite.browser.newContext({
        baseURL: suite.stack.webUrl,
        viewport: { width: 360, height: 740 },
        isMobile: true,
        hasTouch: true,
        deviceScaleFactor: 2,
        storageState: await teacher.storageState(),
        reducedMotion: 'reduce',
      });
      const small = await phone.newPage();
      await small.goto(`/teacher/decks/${deckId}`);
      await small.getByRole('button', { name: /^Slide 3:/ }).click();
      const stage = small.getByRole('img', { name: /^Correct area\(s\):/ });
      await show(stage);
      await touchDrag(small, await pointIn(stage, 0.05, 0.05), await pointIn(stage, 0.25, 0.3));
      await small.getByRole('group', { name: /^Correct area 3/ }).waitFor();
      assert.equal(await sidewaysOverflow(small), 0, 'the editor does not scroll sideways');
      await assertAccessible(small, 'pin correct areas editor (phone)');
      await shot(small, 'pin-editor-360');
      await small.getByRole('button', { name: /^Slide 1:/ }).click();
      await small.getByRole('group', { name: /^Target area for Paris/ }).waitFor();
      await shot(small, 'draggable-editor-360');
      await phone.close();
    });
  });
}

imageKindsFlow('socket transport', '', () => startStack());

const firebaseStops: Array<() => Promise<void>> = [];
after(async () => {
  for (const stop of firebaseStops.reverse()) await stop();
});
imageKindsFlow('Firebase transport', 'firebase-', async () => {
  const rtdb = await startRtdbServer();
  firebaseStops.push(() => rtdb.stop());
  const auth = await startAuthEmulator({ projectId: 'classpulse-e2e' });
  firebaseStops.push(() => auth.stop());
  return startStack({
    FIREBASE_DATABASE_URL: rtdb.databaseUrl,
    FIREBASE_DATABASE_EMULATOR_HOST: rtdb.host,
    FIREBASE_AUTH_EMULATOR_HOST: auth.host,
    FIREBASE_PROJECT_ID: 'classpulse-e2e',
  });
});
