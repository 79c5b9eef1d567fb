/**
 * Student data privacy in real Chromium against the embedded stack: the /privacy page reached by
 * its link from the join page (on a 360 px phone) and from a teacher's library; an admin sets the
 * retention policy; a teacher keeps a session within the policy's maximum and is told clearly
 * when a date is beyond it; the admin sees the teacher's CSV download in the access audit.
 */
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { assertAccessible, sidewaysOverflow } from './support/browser.ts';
import { chromiumSuite } from './support/chromium-suite.ts';
import { createTeacher, signInCookie, signInInBrowser } from './support/sign-in.ts';
import { startSessionOf } from './support/start-session.ts';
import { OWNER, type Credentials } from './support/stack.ts';

const ARTIFACTS = fileURLToPath(new URL('../test-artifacts', import.meta.url));
const DAY = 86_400_000;
const TEA: Credentials = {
  name: 'Tess Teacher',
  email: 'tess@school.test',
  password: 'tess has a long password',
};

/** A day `days` from today, as a date field takes it (UTC). */
const dayFromNow = (days: number) => new Date(Date.now() + days * DAY).toISOString().slice(0, 10);

describe('student data privacy in Chromium', { timeout: 300_000 }, () => {
  const suite = chromiumSuite();
  let sessionId: string;

  const newPage = async (width = 1280): Promise<Page> =>
    (
      await suite.browser.newContext({
        baseURL: suite.stack.webUrl,
        viewport: { width, height: 800 },
        acceptDownloads: true,
      })
    ).newPage();
  const shot = (page: Page, name: string) =>
    page.screenshot({ path: join(ARTIFACTS, `privacy-${name}.png`), fullPage: true });

  before(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    await createTeacher(suite.stack.webUrl, OWNER, TEA);
    const cookie = await signInCookie(suite.stack.webUrl, TEA);
    ({ sessionId } = await startSessionOf(suite.stack.webUrl, cookie, {
      title: 'Privacy lesson',
      slides: [{ id: 's1', title: 'Warm-up' }],
    }));
  });

  it('a student reaches /privacy from the join page, readable on a phone', async () => {
    const page = await newPage(360);
    await page.goto('/join');
    await page.getByRole('link', { name: 'Privacy: what we store' }).click();
    await page
      .getByRole('heading', { level: 1, name: 'What Classpulse stores, and why' })
      .waitFor();
    assert.equal(new URL(page.url()).pathname, '/privacy');
    // What is never collected, and this deployment's retention in days.
    await page.getByRole('heading', { level: 2, name: 'What is never collected' }).waitFor();
    await page.getByText('No IP addresses are stored.', { exact: false }).waitFor();
    await page.getByText('365 days after it ends', { exact: false }).waitFor();
    // A table per place, generated from the register: the roster of signed-in students.
    const students = page.getByRole('table', { name: 'session_students' });
    await students.getByRole('rowheader', { name: 'email' }).waitFor();
    assert.equal(await sidewaysOverflow(page), 0, 'no sideways scrolling at 360 px');
    await assertAccessible(page, 'the privacy page');
    await shot(page, 'page-phone');
    await page.context().close();
  });

  it('a teacher reaches it from the library', async () => {
    const page = await newPage();
    await signInInBrowser(page, TEA);
    await page.getByRole('link', { name: 'Privacy: what we store' }).click();
    await page
      .getByRole('heading', { level: 1, name: 'What Classpulse stores, and why' })
      .waitFor();
    await page.context().close();
  });

  it('an admin sets the retention policy', async () => {
    const page = await newPage();
    await signInInBrowser(page, OWNER);
    await page.goto('/teacher/admin');
    await page.getByLabel('Delete ended sessions after (days)').fill('30');
    await page.getByLabel('Longest a teacher may keep a session (days after it ended)').fill('400');
    await page.getByRole('button', { name: 'Save retention' }).click();
    await page.getByRole('status').filter({ hasText: 'Retention saved.' }).waitFor();
    await page.goto('/privacy');
    await page.getByText('30 days after it ends', { exact: false }).waitFor();
    await page.context().close();
  });

  it('a teacher keeps a session within the maximum, and is told when a date is beyond it', async () => {
    const page = await newPage();
    await signInInBrowser(page, TEA);
    await page.goto(`/teacher/sessions/${sessionId}/report`);
    const keep = page.getByRole('region', { name: 'How long this session is kept' });
    await keep.getByText('Deleted 30 days after it ends', { exact: false }).waitFor();

    await keep.getByLabel('Keep until').fill(dayFromNow(500));
    await keep.getByRole('button', { name: 'Keep', exact: true }).click();
    await keep
      .getByRole('alert')
      .filter({ hasText: 'That is too long: the school allows keeping a session until' })
      .waitFor();

    await keep.getByLabel('Keep until').fill(dayFromNow(100));
    await keep.getByRole('button', { name: 'Keep', exact: true }).click();
    await keep.getByText('Kept until', { exact: false }).waitFor();
    assert.equal(await keep.getByRole('alert').count(), 0);
    await assertAccessible(page, 'the report with its keep-until form');
    await shot(page, 'keep-until');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download CSV' }).click(),
    ]);
    assert.match(download.suggestedFilename(), /\.csv$/);
    await download.path();
    await page.context().close();
  });

  it('the admin sees the CSV download and the changes in the access audit', async () => {
    const page = await newPage();
    await signInInBrowser(page, OWNER);
    await page.goto('/teacher/admin');
    const auditSection = page.getByRole('region', { name: 'Access audit' });
    const table = auditSection.getByRole('table', { name: 'Access audit' });
    await table
      .getByRole('row')
      .filter({ hasText: TEA.name })
      .filter({ hasText: 'Downloaded a report (CSV)' })
      .filter({ hasText: sessionId })
      .waitFor();
    await table.getByRole('row').filter({ hasText: 'Changed retention' }).waitFor();
    await table
      .getByRole('row')
      .filter({ hasText: 'Changed how long a session is kept' })
      .first()
      .waitFor();

    // Filtered to the admin: the teacher's rows go.
    await auditSection.getByLabel('Teacher').selectOption({ label: OWNER.name });
    await auditSection.getByRole('button', { name: 'Filter' }).click();
    await page.waitForURL(/auditTeacher=/);
    await table.getByRole('row').filter({ hasText: 'Changed retention' }).waitFor();
    assert.equal(await table.getByRole('row').filter({ hasText: TEA.name }).count(), 0);
    await assertAccessible(page, 'the admin page with retention and the access audit');
    await shot(page, 'admin');
    await page.context().close();
  });
});
