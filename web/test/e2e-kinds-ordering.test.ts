import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { DeckInput } from '@classpulse/realtime/protocol';
import { KIND_SAMPLES, startAuthEmulator, startRtdbServer } from '@classpulse/realtime/testing';
import type { BrowserContext, CDPSession, Locator, Page } from 'playwright-core';
import { assertAccessible, sidewaysOverflow } from './support/browser.ts';
import { chromiumSuite } from './support/chromium-suite.ts';
import { parseCsv } from './support/csv.ts';
import { signInInBrowser } from './support/sign-in.ts';
import { startStack, type Stack } from './support/stack.ts';

/*
 * Ranking and sort into groups in the classroom flow: three students answer both by mouse, by
 * touch (an emulated 360 px phone) and by keyboard alone, on each student transport; then the
 * dashboard, the projector and the students' reveal show the results, and the CSV holds them.
 * One stack and one session per transport carry every check.
 */

const ARTIFACTS = fileURLToPath(new URL('../test-artifacts', import.meta.url));

const DECK: DeckInput = {
  title: 'Sorting things out',
  slides: [
    { id: 'rank', title: 'Planets', question: KIND_SAMPLES.ranking.question },
    { id: 'sort', title: 'Animals', question: KIND_SAMPLES['sort-into-groups'].question },
  ],
};

type Method = 'mouse' | 'touch' | 'keyboard';

/** What each student answers, and how. */
const STUDENTS: ReadonlyArray<{
  name: string;
  method: Method;
  order: readonly string[];
  groups: Readonly<Record<string, string>>;
  csv: readonly string[];
}> = [
  {
    name: 'Mia',
    method: 'mouse',
    order: ['Mercury', 'Venus', 'Earth', 'Mars'],
    groups: { Whale: 'Mammal', Penguin: 'Bird', Bat: 'Mammal' },
    csv: ['1. Mercury, 2. Venus, 3. Earth, 4. Mars', 'Mammal: Whale, Bat; Bird: Penguin'],
  },
  {
    name: 'Theo',
    method: 'touch',
    order: ['Mercury', 'Venus', 'Earth', 'Mars'],
    groups: { Whale: 'Mammal', Penguin: 'Bird', Bat: 'Bird' },
    csv: ['1. Mercury, 2. Venus, 3. Earth, 4. Mars', 'Mammal: Whale; Bird: Penguin, Bat'],
  },
  {
    name: 'Kim',
    method: 'keyboard',
    order: ['Venus', 'Mercury', 'Earth', 'Mars'],
    groups: { Whale: 'Mammal', Penguin: 'Bird', Bat: 'Mammal' },
    csv: ['1. Venus, 2. Mercury, 3. Earth, 4. Mars', 'Mammal: Whale, Bat; Bird: Penguin'],
  },
];

const PLANETS = /^(Mercury|Venus|Earth|Mars)$/;

interface Student {
  name: string;
  method: Method;
  page: Page;
  context: BrowserContext;
  /** DevTools session of the phone, for touch drags (Playwright's touchscreen only taps). */
  cdp?: CDPSession;
}

const center = async (locator: Locator) => {
  const box = await locator.boundingBox();
  assert.ok(box, 'the element is on the page');
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
};

/** Drags by mouse or finger from one point to another, in small steps as a hand would. */
async function drag(
  student: Student,
  from: { x: number; y: number },
  to: { x: number; y: number },
): Promise<void> {
  const steps = 12;
  const at = (i: number) => ({
    x: from.x + ((to.x - from.x) * i) / steps,
    y: from.y + ((to.y - from.y) * i) / steps,
  });
  if (student.method === 'mouse') {
    await student.page.mouse.move(from.x, from.y);
    await student.page.mouse.down();
    for (let i = 1; i <= steps; i++) await student.page.mouse.move(at(i).x, at(i).y);
    await student.page.mouse.up();
    return;
  }
  const cdp = student.cdp;
  assert.ok(cdp, 'a touch student has a DevTools session');
  const touch = (
    type: 'touchStart' | 'touchMove' | 'touchEnd',
    points: Array<{ x: number; y: number }>,
  ) => cdp.send('Input.dispatchTouchEvent', { type, touchPoints: points });
  await touch('touchStart', [from]);
  for (let i = 1; i <= steps; i++) await touch('touchMove', [at(i)]);
  // A hand holds still before letting go: lifted while moving fast, Chrome would start a fling,
  // and its next tap (on Submit) would only stop the fling.
  for (let i = 0; i < 3; i++) {
    await student.page.waitForTimeout(50);
    await touch('touchMove', [to]);
  }
  await touch('touchEnd', []);
}

/** Moves focus with Tab (or Shift+Tab when the target comes earlier) until `target` has it. */
async function tabTo(page: Page, target: Locator): Promise<void> {
  const backwards = await target.evaluate((el) => {
    const active = document.activeElement;
    return (
      active !== null &&
      active !== document.body &&
      (el.compareDocumentPosition(active) & Node.DOCUMENT_POSITION_PRECEDING) === 0
    );
  });
  for (let i = 0; i < 40; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
  }
  assert.fail('Tab never reached the element');
}

const planetOrder = (page: Page) => page.getByRole('button', { name: PLANETS }).allTextContents();

/** Puts the planets in `order` with the student's own hands: drags, or the keyboard. */
async function rank(student: Student, order: readonly string[]): Promise<void> {
  const { page } = student;
  for (const [position, label] of order.entries()) {
    const current = await planetOrder(page);
    const from = current.indexOf(label);
    if (from === position) continue;
    const handle = page.getByRole('button', { name: label, exact: true });
    if (student.method === 'keyboard') {
      await tabTo(page, handle);
      await page.keyboard.press('Space');
      await page.getByText(`Picked up ${label}, position ${from + 1} of 4.`).waitFor();
      for (let at = from; at > position; at--) {
        await page.keyboard.press('ArrowUp');
        await page.getByText(`${label} moved to position ${at} of 4.`).waitFor();
      }
      await page.keyboard.press('Space');
      await page.getByText(`${label} dropped at position ${position + 1} of 4.`).waitFor();
    } else {
      // Onto the middle of the row it should take (slightly above, so it lands before that row).
      const slot = await center(page.getByRole('button', { name: current[position], exact: true }));
      const start = await center(handle);
      await drag(student, start, { x: start.x, y: slot.y - 4 });
    }
    const now = await planetOrder(page);
    assert.equal(
      now[position],
      label,
      `${student.name}: ${label} at ${position + 1}: ${now.join(', ')}`,
    );
  }
  assert.deepEqual(await planetOrder(page), order);
}

const zone = (page: Page, group: string) =>
  page.getByRole('group', { name: new RegExp(`^${group} \\(`) });

/** Sorts each animal into its group: dragged, tapped, or picked up and moved with arrow keys. */
async function sort(student: Student, groups: Readonly<Record<string, string>>): Promise<void> {
  const { page } = student;
  const entries = Object.entries(groups);
  for (const [index, [item, group]] of entries.entries()) {
    const chip = page.getByRole('button', { name: item, exact: true });
    if (student.method === 'keyboard') {
      await tabTo(page, chip);
      await page.keyboard.press('Space');
      await page.getByText(`Picked up ${item}, in Unsorted.`, { exact: false }).waitFor();
      // Arrow keys go Unsorted → Mammal → Bird.
      for (let i = 0; i < (group === 'Mammal' ? 1 : 2); i++) await page.keyboard.press('ArrowDown');
      await page.getByText(new RegExp(`^${item} over ${group}, group \\d of 2\\.$`)).waitFor();
      await page.keyboard.press('Space');
      await page.getByText(new RegExp(`^${item} dropped in ${group}\\.`)).waitFor();
      // Focus followed the item into its group.
      assert.ok(
        await zone(page, group)
          .getByRole('button', { name: item })
          .evaluate((el) => el === document.activeElement),
      );
    } else if (student.method === 'touch' && index === entries.length - 1) {
      // The last one by tap: tap the item, then the group's "Move here".
      await chip.tap();
      await zone(page, group)
        .getByRole('button', { name: /^Move here/ })
        .tap();
    } else {
      await chip.scrollIntoViewIfNeeded();
      await drag(student, await center(chip), await center(zone(page, group)));
    }
    await zone(page, group).getByRole('button', { name: item, exact: true }).waitFor();
  }
}

interface FlowOptions {
  name: string;
  artifactPrefix: string;
  startStack: () => Promise<Stack>;
}

function orderingFlow(options: FlowOptions): void {
  describe(
    `ranking and sort into groups by mouse, touch and keyboard (${options.name})`,
    { timeout: 600_000 },
    () => {
      const suite = chromiumSuite(options.startStack);
      let teacher: BrowserContext;
      let dashboard: Page;
      let projector: Page;
      let sessionId: string;
      let joinCode: string;
      const students: Student[] = [];
      const screenshot = (page: Page, name: string) =>
        page.screenshot({
          path: join(ARTIFACTS, `${options.artifactPrefix}${name}.png`),
          fullPage: true,
        });

      before(async () => {
        mkdirSync(ARTIFACTS, { recursive: true });
        teacher = await suite.browser.newContext({
          baseURL: suite.stack.webUrl,
          viewport: { width: 1366, height: 900 },
        });
      });

      it('the editor shows both kinds’ fields, accessible at 1366 and 360 px', async () => {
        const page = await teacher.newPage();
        await signInInBrowser(page, suite.stack.owner!);
        const created = await page.request.post('/api/decks', { data: { title: DECK.title } });
        const { id } = (await created.json()) as { id: string };
        const saved = await page.request.put(`/api/decks/${id}`, { data: DECK });
        assert.equal(saved.status(), 200, await saved.text());

        await page.goto(`/teacher/decks/${id}`);
        const items = page.getByRole('group', { name: 'Items to rank' });
        await items.waitFor();
        assert.deepEqual(
          await items
            .getByRole('textbox')
            .evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value)),
          ['Mercury', 'Venus', 'Earth', 'Mars'],
        );
        assert.ok(await page.getByLabel('The order above is the correct order').isChecked());
        await page.getByRole('button', { name: 'Move item 2 up' }).waitFor();
        await page.getByLabel('Points').waitFor();
        await assertAccessible(page, 'ranking editor');
        await screenshot(page, 'editor-ranking-1366');

        await page.getByRole('button', { name: /^Slide 2: Animals/ }).click();
        await page.getByRole('group', { name: 'Groups' }).waitFor();
        assert.equal(await page.getByLabel('Correct group for item 3').inputValue(), 'mammal');
        await assertAccessible(page, 'sort into groups editor');
        await page.setViewportSize({ width: 360, height: 740 });
        assert.equal(await sidewaysOverflow(page), 0, 'the editor fits a phone');
        await screenshot(page, 'editor-sort-360');

        const started = await page.request.post('/api/sessions', { data: { deckId: id } });
        assert.equal(started.status(), 201, await started.text());
        ({ sessionId, joinCode } = (await started.json()) as {
          sessionId: string;
          joinCode: string;
        });
        await page.close();
        dashboard = await teacher.newPage();
        await dashboard.goto(`/teacher/sessions/${sessionId}`);
        await dashboard.getByText('Slide 1 of 2').first().waitFor();
        projector = await teacher.newPage();
        await projector.setViewportSize({ width: 1920, height: 1080 });
        await projector.goto(`/teacher/sessions/${sessionId}/projector`);
        await projector.getByRole('heading', { name: 'Planets' }).waitFor();
      });

      it('three students join: by mouse, on a 360 px touch phone, and by keyboard', async () => {
        for (const { name, method } of STUDENTS) {
          const context = await suite.browser.newContext(
            method === 'touch'
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
          await page.goto(`/join`);
          await page.getByLabel('Session code').fill(joinCode);
          await page.getByRole('button', { name: 'Continue' }).click();
          await page.getByLabel('Your name').fill(name);
          await page.getByRole('button', { name: 'Join' }).click();
          await page.getByRole('heading', { name, exact: true }).waitFor();
          const student: Student = { name, method, page, context };
          if (method === 'touch') student.cdp = await context.newCDPSession(page);
          students.push(student);
        }
        await dashboard.getByText('0 of 3 answered').waitFor();
      });

      const submit = async (student: Student) => {
        const button = student.page.getByRole('button', { name: 'Submit answer' });
        if (student.method === 'keyboard') {
          await tabTo(student.page, button);
          await student.page.keyboard.press('Enter');
        } else if (student.method === 'touch') await button.tap();
        else await button.click();
        try {
          await student.page.getByText('✓ Received').waitFor();
        } catch (error) {
          await screenshot(student.page, `failed-submit-${student.name}`);
          throw error;
        }
      };

      it('each student puts the planets in order with their own hands', async () => {
        for (const [i, student] of students.entries()) {
          const { page } = student;
          await page.getByRole('group', { name: 'Order the planets from the Sun' }).waitFor();
          if (i === 0) await assertAccessible(page, 'ranking input (desktop)');
          if (student.method === 'touch') {
            assert.equal(await sidewaysOverflow(page), 0, 'the ranking fits a phone');
            await assertAccessible(page, 'ranking input (phone)');
            await screenshot(page, 'student-ranking-360');
          }
          await rank(student, STUDENTS[i]!.order);
          if (student.method === 'keyboard') {
            // Escape puts a picked-up item back where it was.
            const mars = page.getByRole('button', { name: 'Mars', exact: true });
            await tabTo(page, mars);
            await page.keyboard.press('Space');
            await page.keyboard.press('ArrowUp');
            await page.getByText('Mars moved to position 3 of 4.').waitFor();
            await page.keyboard.press('Escape');
            await page.getByText('Move cancelled. Mars is back at position 4 of 4.').waitFor();
            assert.deepEqual(await planetOrder(page), STUDENTS[i]!.order);
          }
          if (student.method === 'mouse') await screenshot(page, 'student-ranking-1366');
          await submit(student);
        }
        await dashboard.getByText('3 of 3 answered').waitFor();
      });

      it('each student sorts the animals; an unsorted one is refused with the protocol’s words', async () => {
        await dashboard.getByRole('button', { name: 'Next slide' }).click();
        for (const [i, student] of students.entries()) {
          const { page } = student;
          await page.getByText('Slide 2 of 2').waitFor();
          await zone(page, 'Unsorted').waitFor();
          if (i === 0) {
            await page.getByRole('button', { name: 'Submit answer' }).click();
            await page
              .getByRole('alert')
              .filter({ hasText: 'Place every item in a group.' })
              .waitFor();
            await assertAccessible(page, 'sort input with its error (desktop)');
          }
          if (student.method === 'touch') {
            assert.equal(await sidewaysOverflow(page), 0, 'the sort fits a phone');
            await assertAccessible(page, 'sort input (phone)');
            await screenshot(page, 'student-sort-360');
          }
          await sort(student, STUDENTS[i]!.groups);
          await zone(page, 'Unsorted').getByText('Every item is in a group.').waitFor();
          if (student.method === 'mouse') await screenshot(page, 'student-sort-1366');
          if (student.method === 'touch') await screenshot(page, 'student-sort-360-sorted');
          await submit(student);
        }
        await dashboard.getByText('3 of 3 answered').waitFor();
      });

      // The box shows the session's state, so it ticks once the server has revealed the answer.
      const revealCorrect = async () => {
        await dashboard.getByLabel('Reveal correct answer').click();
        await dashboard
          .getByRole('checkbox', { name: 'Reveal correct answer', checked: true })
          .waitFor();
      };

      it('the dashboard, projector and students show the results; the correct answers once revealed', async () => {
        const phone = students.find((s) => s.method === 'touch')!.page;
        const sortSummary =
          '3 answers. Whale: mostly Mammal; Penguin: mostly Bird; Bat: mostly Mammal.';
        const sortCorrect =
          ' Correct: Whale in Mammal (100% right), Penguin in Bird (100% right), Bat in Mammal (67% right).';
        // Correctness shows only once revealed, on every screen: the dashboard may be projected.
        await dashboard.getByRole('img', { name: sortSummary, exact: true }).waitFor();
        assert.equal(await dashboard.getByText('Mammal · 67% right').count(), 0, 'not revealed');
        await dashboard.getByLabel('Show results to students').selectOption('anonymous');
        await projector.getByRole('img', { name: sortSummary, exact: true }).waitFor();
        await phone.getByRole('img', { name: sortSummary, exact: true }).waitFor();
        assert.equal(await projector.getByText('Mammal · 67% right').count(), 0, 'not revealed');
        await revealCorrect();
        await dashboard.getByRole('img', { name: sortSummary + sortCorrect }).waitFor();
        await dashboard.getByText('Mammal · 67% right').waitFor();
        await assertAccessible(dashboard, 'dashboard with sort results');
        await screenshot(dashboard, 'dashboard-sort-1366');
        await projector.getByText('Mammal · 67% right').waitFor();
        await projector.getByText('Bird · 100% right').waitFor();
        await assertAccessible(projector, 'projector with sort results');
        await screenshot(projector, 'projector-sort');
        await phone.getByText('Mammal · 67% right').waitFor();
        assert.equal(await sidewaysOverflow(phone), 0, 'the results fit a phone');
        await assertAccessible(phone, 'student sort results (phone)');
        await screenshot(phone, 'student-sort-results-360');

        await dashboard.getByRole('button', { name: 'Previous slide' }).click();
        await dashboard.getByText('Slide 1 of 2').first().waitFor();
        const rankSummary =
          '3 rankings. By average position: Mercury (1.3), Venus (1.7), Earth (3), Mars (4).';
        const rankCorrect = ' Correct order: Mercury, Venus, Earth, Mars.';
        await dashboard.getByRole('img', { name: rankSummary, exact: true }).waitFor();
        await dashboard.getByLabel('Show results to students').selectOption('anonymous');
        await projector.getByRole('img', { name: rankSummary, exact: true }).waitFor();
        await phone.getByRole('img', { name: rankSummary, exact: true }).waitFor();
        await revealCorrect();
        await dashboard.getByRole('img', { name: rankSummary + rankCorrect }).waitFor();
        await assertAccessible(dashboard, 'dashboard with ranking results');
        await screenshot(dashboard, 'dashboard-ranking-1366');
        await projector.getByRole('img', { name: rankSummary + rankCorrect }).waitFor();
        await assertAccessible(projector, 'projector with ranking results');
        await screenshot(projector, 'projector-ranking');
        await phone.getByRole('img', { name: rankSummary + rankCorrect }).waitFor();
        assert.equal(await sidewaysOverflow(phone), 0, 'the ranking results fit a phone');
        await assertAccessible(phone, 'student ranking results (phone)');
        await screenshot(phone, 'student-ranking-results-360');
      });

      it('the CSV holds each answer as text', async () => {
        const csv = await dashboard.request.get(`/api/sessions/${sessionId}/report.csv`);
        assert.equal(csv.status(), 200);
        const records = parseCsv(await csv.text());
        for (const { name, csv: expected } of STUDENTS) {
          const row = records.find((record) => record[0] === name);
          assert.ok(row, `a CSV row for ${name}`);
          for (const text of expected)
            assert.ok(row.includes(text), `${name}: ${text} in ${row.join(' | ')}`);
        }
      });
    },
  );
}

orderingFlow({
  name: 'socket transport',
  artifactPrefix: 'ordering-',
  startStack: () => startStack(),
});

const stops: Array<() => Promise<void>> = [];
after(async () => {
  for (const stop of stops.reverse()) await stop();
});

orderingFlow({
  name: 'Firebase transport',
  artifactPrefix: 'ordering-firebase-',
  startStack: async () => {
    const rtdb = await startRtdbServer();
    stops.push(() => rtdb.stop());
    const auth = await startAuthEmulator({ projectId: 'classpulse-e2e' });
    stops.push(() => auth.stop());
    return startStack({
      FIREBASE_DATABASE_URL: rtdb.databaseUrl,
      FIREBASE_DATABASE_EMULATOR_HOST: rtdb.host,
      FIREBASE_AUTH_EMULATOR_HOST: auth.host,
      FIREBASE_PROJECT_ID: 'classpulse-e2e',
    });
  },
});
