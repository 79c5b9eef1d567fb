/**
 * Joining is the teacher's to control, in real Chromium: a class size set when starting and raised
 * live; closing the session to new students; the waiting room; a removed student who stays out
 * (on the same device and under the same name) until the teacher lets them back in; every change
 * in the report's audit trail.
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
import { startStack } from './support/stack.ts';
import { PROTOCOL_VERSION } from '@classpulse/realtime/protocol';

const ARTIFACTS = fileURLToPath(new URL('../test-artifacts', import.meta.url));

describe('joining controls in Chromium', { timeout: 300_000 }, () => {
  // A whole hall joins from this one machine in the last test.
  const suite = chromiumSuite(() => startStack({ REALTIME_JOIN_BURST_PER_SOURCE: '1000' }));
  const contexts: BrowserContext[] = [];
  let teacher: Page;
  let code: string;
  let sessionId: string;

  const page = async (width = 390) => {
    const context = await suite.browser.newContext({
      baseURL: suite.stack.webUrl,
      viewport: { width, height: 900 },
    });
    contexts.push(context);
    return context.newPage();
  };
  after(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
  });

  /** A student on a fresh device types their name and joins (or is told why not). */
  async function joinAs(name: string): Promise<Page> {
    const p = await page();
    await p.goto(`/join/${code}`);
    await p.getByLabel('Your name').fill(name);
    await p.getByRole('button', { name: 'Join' }).click();
    return p;
  }
  const joined = (p: Page, name: string) => p.getByRole('heading', { name, exact: true }).waitFor();
  const refused = (p: Page, text: string) =>
    p.getByRole('alert').filter({ hasText: text }).waitFor();

  before(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    teacher = await page(1280);
    await signInInBrowser(teacher, suite.stack.owner!);
    const created = await teacher.request.post('/api/decks', { data: { title: 'Colours' } });
    const deckId = ((await created.json()) as { id: string }).id;
    await teacher.request.put(`/api/decks/${deckId}`, { data: colourDeck('Colours') });
  });

  it('a session starts with the class size the teacher chose, and a full class says so', async () => {
    await teacher.goto('/teacher');
    await teacher.getByLabel('Class size').fill('2');
    await teacher.getByRole('button', { name: 'Start session with Colours' }).click();
    await teacher.waitForURL(/\/teacher\/sessions\/[^/]+$/);
    sessionId = teacher.url().split('/').pop()!;
    code = (
      (await teacher
        .getByLabel(/^Join code/)
        .first()
        .textContent()) ?? ''
    ).trim();
    await joined(await joinAs('Ada'), 'Ada');
    await joined(await joinAs('Bo'), 'Bo');
    const cy = await joinAs('Cy');
    await refused(cy, 'This session is full');
    await teacher.getByText('2 of 2 students').waitFor();

    // The teacher makes room; Cy tries again and is in.
    await teacher.getByRole('spinbutton', { name: 'Class size' }).fill('3');
    await teacher.getByRole('button', { name: 'Set class size' }).click();
    await teacher.getByText('2 of 3 students').waitFor();
    await cy.getByRole('button', { name: 'Try again' }).click();
    await cy.getByLabel('Your name').fill('Cy');
    await cy.getByRole('button', { name: 'Join' }).click();
    await joined(cy, 'Cy');
  });

  it('a session closed to new students keeps the ones in it', async () => {
    await teacher.getByRole('spinbutton', { name: 'Class size' }).fill('30');
    await teacher.getByRole('button', { name: 'Set class size' }).click();
    await teacher.getByRole('button', { name: 'Close joining' }).click();
    await teacher.getByText('closed to new students').waitFor();
    await refused(await joinAs('Di'), 'closed this session to new students');
    await assertAccessible(teacher, 'dashboard with joining controls');
    await teacher.screenshot({ path: join(ARTIFACTS, 'joining-dashboard.png'), fullPage: true });
    // On a teacher's phone and on a 1080p projector screen too.
    for (const [name, viewport] of [
      ['phone', { width: 360, height: 740 }],
      ['1080p', { width: 1920, height: 1080 }],
    ] as const) {
      await teacher.setViewportSize(viewport);
      assert.equal(await sidewaysOverflow(teacher), 0, `the dashboard fits a ${name} screen`);
      await teacher.screenshot({
        path: join(ARTIFACTS, `joining-dashboard-${name}.png`),
        fullPage: true,
      });
    }
    await teacher.setViewportSize({ width: 1280, height: 900 });
    await teacher.getByRole('button', { name: 'Open joining' }).click();
    await joined(await joinAs('Di'), 'Di');
  });

  it('a removed student stays out, on their device and by name, until let back in', async () => {
    const eve = await joinAs('Eve');
    await joined(eve, 'Eve');
    teacher.once('dialog', (dialog) => void dialog.accept());
    await teacher.getByRole('button', { name: 'Remove Eve' }).click();
    await refused(eve, 'removed you');
    // The same device, reloaded, and the same name on another device: both still out.
    await eve.reload();
    await refused(eve, 'removed you');
    await refused(await joinAs('Eve'), 'removed you');

    await teacher.getByRole('button', { name: 'Let Eve back in' }).click();
    await teacher.getByRole('button', { name: 'Remove Eve' }).waitFor();
    await eve.getByRole('button', { name: 'Try again' }).click();
    await joined(eve, 'Eve');
  });

  it('the waiting room: students wait until the teacher lets them in', async () => {
    await teacher.getByRole('button', { name: 'Turn waiting room on' }).click();
    await teacher.getByRole('heading', { name: 'Waiting room (0)' }).waitFor();
    const waits = (p: Page) => p.getByRole('status').filter({ hasText: 'in the waiting room' });
    const [fay, gus, hal] = [await joinAs('Fay'), await joinAs('Gus'), await joinAs('Hal')];
    for (const p of [fay, gus, hal]) await waits(p).waitFor();
    await teacher.getByRole('heading', { name: 'Waiting room (3)' }).waitFor();
    // Waiting students are not in the class yet.
    await teacher.getByText('5 of 30 students').waitFor();
    await assertAccessible(fay, 'student in the waiting room');
    await fay.screenshot({ path: join(ARTIFACTS, 'waiting-room-student.png'), fullPage: true });
    await teacher.screenshot({
      path: join(ARTIFACTS, 'waiting-room-dashboard.png'),
      fullPage: true,
    });

    await teacher.getByRole('button', { name: 'Admit Fay' }).click();
    await waits(fay).waitFor({ state: 'detached' });
    await teacher.getByText('6 of 30 students').waitFor();
    // Turned away from the waiting room: that device and name stay out like any removal.
    await teacher.getByRole('button', { name: 'Remove Gus' }).click();
    await refused(gus, 'removed you');
    // Without a waiting room nobody is left waiting.
    await teacher.getByRole('button', { name: 'Turn waiting room off' }).click();
    await waits(hal).waitFor({ state: 'detached' });
    await teacher.getByText('7 of 30 students').waitFor();
    assert.equal(await waits(fay).count(), 0);
  });

  it('a hall of students: the roster is sorted, searchable and a page at a time', async () => {
    await teacher.getByRole('spinbutton', { name: 'Class size' }).fill('300');
    await teacher.getByRole('button', { name: 'Set class size' }).click();
    await teacher.getByText('7 of 300 students').waitFor();
    for (let i = 1; i <= 150; i++) {
      const joined = await fetch(`${suite.stack.realtimeUrl}/v1/join`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          v: PROTOCOL_VERSION,
          join: { code, name: `Hall ${String(i).padStart(3, '0')}` },
        }),
      });
      assert.equal(joined.status, 200);
    }
    await teacher.goto(`/teacher/sessions/${sessionId}`);
    const roster = teacher.getByRole('table', { name: /^Students/ });
    await teacher.getByText('Showing 100 of 157').waitFor();
    const names = await roster.getByRole('rowheader').allInnerTexts();
    assert.equal(names.length, 100);
    assert.deepEqual(names.slice(0, 8), ['Ada', 'Bo', 'Cy', 'Di', 'Eve', 'Fay', 'Hal', 'Hall 001']);
    await teacher.getByRole('searchbox', { name: 'Find a student' }).fill('hall 149');
    await roster.getByRole('rowheader', { name: 'Hall 149' }).waitFor();
    assert.equal(await roster.getByRole('rowheader').count(), 1);
    await teacher.getByRole('searchbox', { name: 'Find a student' }).fill('');
    await teacher.getByRole('button', { name: 'Show 57 more' }).click();
    await roster.getByRole('rowheader', { name: 'Hall 150' }).waitFor();
    await assertAccessible(teacher, 'dashboard with a hall of students');
  });

  it('the report’s audit trail names every joining change', async () => {
    await teacher.goto(`/teacher/sessions/${sessionId}/report`);
    const actions = teacher.getByRole('region', { name: 'Teacher actions, scrollable' });
    for (const text of [
      'Set the class size to 3',
      'Closed the session to new students',
      'Opened the session to new students',
      'Let Eve back in',
      'Turned the waiting room on',
      'Let 1 student in from the waiting room',
      'Removed Gus',
      'Turned the waiting room off',
    ])
      await actions.getByText(text).first().waitFor();
    assert.ok(true);
  });
});
