/**
 * A lecture hall of 2,000 students on the teacher's pages in Chromium (seeded through the engine
 * and the SQLite store): the dashboard's roster and the health page's student table render a page
 * of rows, find a student by name, and the health page fits a 1366 px screen without scrolling
 * sideways, says "network dropped" rather than "transport close", and filters by what happened;
 * the answers report renders a page of students and finds one.
 * Screenshots at 1366×768 and 360 px go to test-artifacts/.
 */
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { assertAccessible, launchChromium } from './support/browser.ts';
import { seededName } from './support/seed-answers.ts';
import { seededStack, type SeededSession } from './support/seeded-stack.ts';
import { signInInBrowser } from './support/sign-in.ts';
import { OWNER, type Stack } from './support/stack.ts';

const ARTIFACTS = fileURLToPath(new URL('../test-artifacts', import.meta.url));
const STUDENTS = 2_000;

describe('a hall of 2,000 students on the teacher pages in Chromium', { timeout: 600_000 }, () => {
  let stack: Stack;
  let browser: Browser;
  let session: SeededSession;

  before(async () => {
    const seeded = await seededStack(
      { hall: { title: 'Lecture hall', slides: 10, students: STUDENTS, answersPerSlide: 1 } },
      undefined,
    );
    stack = seeded.stack;
    session = seeded.sessions.hall;
    browser = await launchChromium();
    await mkdir(ARTIFACTS, { recursive: true });
  });
  after(async () => {
    await browser?.close();
    await stack?.stop();
  });

  const teacherPage = async (width: number, height: number): Promise<Page> => {
    const context = await browser.newContext({
      baseURL: stack.webUrl,
      viewport: { width, height },
    });
    const page = await context.newPage();
    await signInInBrowser(page, OWNER);
    return page;
  };

  /** Horizontal overflow of the page itself (a table may scroll inside its own frame). */
  const pageOverflow = (page: Page) =>
    page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

  it('the dashboard shows a page of the roster and finds a student among 2,000', async () => {
    const page = await teacherPage(1366, 768);
    await page.goto(`/teacher/sessions/${session.sessionId}`);
    const roster = page.getByRole('table', { name: `Students (${STUDENTS})` });
    await roster.getByRole('row').nth(1).waitFor();
    assert.equal(await roster.locator('tbody tr').count(), 100, 'a page of rows, not 2,000');
    await page.getByText(`Showing 100 of ${STUDENTS}`).waitFor();
    const wanted = seededName(1_234);
    await page.getByLabel('Find a student').fill(wanted);
    await roster.getByRole('row', { name: new RegExp(`^${wanted}\\b`) }).waitFor();
    assert.equal(await roster.locator('tbody tr').count(), 1);
    assert.ok((await pageOverflow(page)) <= 0, 'the dashboard does not scroll sideways');
    await page.screenshot({ path: join(ARTIFACTS, 'teacher-dashboard-2000-students.png') });
    await page.context().close();
  });

  it('the health page fits 1366 px, finds and filters students, and speaks plainly', async () => {
    const page = await teacherPage(1366, 768);
    await page.goto(`/teacher/sessions/${session.sessionId}/health`);
    const table = page.getByRole('table', { name: 'Connections and answers per student' });
    await table.getByRole('row').nth(1).waitFor();
    assert.equal(await table.locator('tbody tr').count(), 100, 'a page of rows, not 2,000');
    await page.getByText(`Showing 100 of ${STUDENTS}`).waitFor();
    const frame = page.getByRole('region', {
      name: 'Connections and answers per student, scrollable',
    });
    const fits = await frame.evaluate((el) => el.scrollWidth - el.clientWidth);
    assert.ok(fits <= 0, `the student table fits a 1366 px screen (${fits} px too wide)`);
    assert.ok((await pageOverflow(page)) <= 0, 'the health page does not scroll sideways');
    await page.getByRole('heading', { name: 'Students' }).evaluate((el) => el.scrollIntoView());
    await page.screenshot({ path: join(ARTIFACTS, 'teacher-health-2000-students-1366.png') });

    // Every tenth seeded student's network dropped once (socket.io's "transport close").
    assert.equal(await page.getByText('transport close').count(), 0);
    await page.getByLabel('Show').selectOption({ label: 'Connection dropped' });
    await page.getByText(`Showing 100 of ${STUDENTS / 10}`).waitFor();
    const dropped = await table.locator('tbody tr').first().getByRole('cell').allTextContents();
    // The drop (and, once the restart that seeding took is seen, "server restarted" after it).
    assert.match(dropped.at(-1) ?? '', /^network dropped(, server restarted)?$/);

    const wanted = seededName(1_230); // a multiple of ten: one whose connection dropped
    await page.getByLabel('Find a student').fill(wanted);
    await table.getByRole('row', { name: new RegExp(`^${wanted}\\b`) }).waitFor();
    assert.equal(await table.locator('tbody tr').count(), 1);
    await page.getByLabel('Show').selectOption({ label: 'Removed' });
    await page
      .getByRole('status')
      .getByText(/No student matches/)
      .waitFor();
    await page.getByLabel('Show').selectOption({ label: 'All students' });
    await table.getByRole('row', { name: new RegExp(`^${wanted}\\b`) }).waitFor();
    await assertAccessible(page, 'the health page of a 2,000-student session');
    await page.context().close();
  });

  it('the answers report shows a page of students and finds one among 2,000', async () => {
    const page = await teacherPage(1366, 768);
    await page.goto(`/teacher/sessions/${session.sessionId}/report`);
    const table = page.getByRole('region', { name: 'Answers by student, scrollable' });
    await table.getByRole('row').nth(1).waitFor();
    assert.equal(await table.locator('tbody tr').count(), 100, 'a page of rows, not 2,000');
    await page.getByText(`Showing 100 of ${STUDENTS}`).waitFor();
    await page.getByText(`${STUDENTS} of ${STUDENTS} answered`).first().waitFor();
    const wanted = seededName(1_234);
    await page.getByLabel('Find a student').fill(wanted);
    const row = table.getByRole('row', { name: new RegExp(`^${wanted}\\b`) });
    await row.waitFor();
    assert.equal(await table.locator('tbody tr').count(), 1);
    // Seeded answers: option (student + round) mod 4 of Alpha…Delta.
    assert.equal(await row.getByRole('cell').first().textContent(), 'Charlie');
    await assertAccessible(page, 'the answers report of a 2,000-student session');
    await page.context().close();
  });

  it('the health page works on a 360 px phone: the table scrolls in its frame, not the page', async () => {
    const page = await teacherPage(360, 740);
    await page.goto(`/teacher/sessions/${session.sessionId}/health`);
    const table = page.getByRole('table', { name: 'Connections and answers per student' });
    await table.getByRole('row').nth(1).waitFor();
    assert.ok((await pageOverflow(page)) <= 0, 'the page does not scroll sideways at 360 px');
    await page.getByRole('heading', { name: 'Students' }).evaluate((el) => el.scrollIntoView());
    await page.screenshot({ path: join(ARTIFACTS, 'teacher-health-2000-students-360.png') });
    await page.context().close();
  });
});
