import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import { chromiumSuite } from './support/chromium-suite.ts';
import { colourDeck } from './support/fixtures.ts';

/** Waits until a control is enabled (e.g. once the page is interactive). */
async function waitEnabled(target: Locator): Promise<void> {
  while (!(await target.isEnabled())) await new Promise((r) => setTimeout(r, 50));
}

/** Presses Tab until `target` has focus: the way a keyboard user reaches a control. */
async function tabTo(page: Page, target: Locator, maxPresses = 40): Promise<void> {
  for (let i = 0; i < maxPresses; i++) {
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return;
    await page.keyboard.press('Tab');
  }
  assert.fail(`could not reach ${target.toString()} with Tab`);
}

describe('the whole class flow works by keyboard alone', { timeout: 300_000 }, () => {
  const suite = chromiumSuite();

  it('teacher signs in and starts; a student joins and answers; the teacher moves on', async () => {
    const teacher = await (
      await suite.browser.newContext({ baseURL: suite.stack.webUrl })
    ).newPage();
    await teacher.goto('/teacher/login');
    await tabTo(teacher, teacher.getByLabel('Email'));
    await teacher.keyboard.type(suite.stack.owner!.email);
    await tabTo(teacher, teacher.getByLabel('Password'));
    await teacher.keyboard.type(suite.stack.owner!.password);
    await teacher.keyboard.press('Enter');
    await teacher.getByRole('heading', { name: 'Your decks' }).waitFor();

    await tabTo(teacher, teacher.getByLabel('New deck title'));
    await teacher.keyboard.type('Keyboard lesson');
    await teacher.keyboard.press('Enter');
    await teacher.waitForURL(/\/teacher\/decks\//);
    const deckId = teacher.url().split('/').pop()!;
    const saved = await teacher.request.put(`/api/decks/${deckId}`, {
      data: colourDeck('Keyboard lesson'),
    });
    assert.equal(saved.status(), 200);
    await teacher.goto('/teacher');
    await tabTo(
      teacher,
      teacher.getByRole('button', { name: 'Start session with Keyboard lesson' }),
    );
    await teacher.keyboard.press('Enter');
    await teacher.waitForURL(/\/teacher\/sessions\/[^/]+$/);
    const code = (
      (await teacher
        .getByLabel(/^Join code/)
        .first()
        .textContent()) ?? ''
    ).trim();

    const student = await (
      await suite.browser.newContext({ baseURL: suite.stack.webUrl })
    ).newPage();
    await student.goto('/join');
    await tabTo(student, student.getByLabel('Session code'));
    await student.keyboard.type(code);
    await student.keyboard.press('Enter');
    await tabTo(student, student.getByLabel('Your name'));
    await student.keyboard.type('Kay');
    await waitEnabled(student.getByRole('button', { name: 'Join' }));
    await student.keyboard.press('Enter');
    await student.getByRole('heading', { name: 'Kay', exact: true }).waitFor();

    await tabTo(student, student.getByRole('radio', { name: 'Red' }));
    await student.keyboard.press('ArrowDown');
    assert.equal(await student.getByRole('radio', { name: 'Green' }).isChecked(), true);
    await tabTo(student, student.getByRole('button', { name: 'Submit answer' }));
    await student.keyboard.press('Enter');
    await student.getByText('✓ Received').waitFor();
    await teacher.getByText('1 of 1 answered').waitFor();
    // A timer from the presets: the student sees the server deadline count down.
    await teacher.getByLabel('Timer').selectOption({ label: '30 seconds' });
    await tabTo(teacher, teacher.getByRole('button', { name: 'Start timer' }));
    await teacher.keyboard.press('Enter');
    await student.getByLabel(/seconds left/).waitFor();
    await tabTo(teacher, teacher.getByRole('button', { name: 'Cancel timer' }));
    await teacher.keyboard.press('Enter');
    await student.getByLabel(/seconds left/).waitFor({ state: 'hidden' });

    await tabTo(teacher, teacher.getByRole('button', { name: 'Next slide' }));
    await teacher.keyboard.press('Enter');
    await student.getByText('Slide 2 of 2').waitFor();
    await tabTo(student, student.getByLabel('Why that colour?'));
    await student.keyboard.type('It is calm');
    await tabTo(student, student.getByRole('button', { name: 'Submit answer' }));
    await student.keyboard.press('Enter');
    await student.getByText('✓ Received').waitFor();
    await teacher.getByText('It is calm').first().waitFor();
  });
});
