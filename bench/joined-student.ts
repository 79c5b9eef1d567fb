import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContextOptions } from 'playwright-core';
import { KEPT_PAINT_KEY_PREFIX } from '../realtime/src/client/kept-paint-key.ts';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from '../web/test/support/browser.ts';

export interface JoinedStudent {
  /** A Chromium profile whose student has joined (Lighthouse empties its HTTP cache per run). */
  profileDir: string;
  /** The same identity for a Playwright context. */
  storageState: BrowserContextOptions['storageState'];
}

/**
 * Joins a session as a student in a fresh Chromium profile, so the answer page can then be
 * measured as a returning student opens it: the stored identity resumes straight into the
 * current question.
 */
export async function joinedStudent(studentUrl: string): Promise<JoinedStudent> {
  const profileDir = mkdtempSync(join(tmpdir(), 'classpulse-bench-student-'));
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_FLAGS,
  });
  try {
    const page = await context.newPage();
    await page.goto(studentUrl);
    await page.getByLabel('Your name').fill('Bench Student');
    await page.getByRole('button', { name: 'Join' }).click();
    await page.getByRole('button', { name: 'Submit answer' }).waitFor();
    // As a student who had the page open a moment: the page has kept the view it paints first on
    // their next load (web: components/student/kept-paint-mark.ts; written when the page is idle).
    await page.waitForFunction(
      (prefix) => Object.keys(localStorage).some((key) => key.startsWith(prefix)),
      KEPT_PAINT_KEY_PREFIX,
    );
    const storageState = await context.storageState();
    return { profileDir, storageState };
  } finally {
    await context.close();
  }
}
