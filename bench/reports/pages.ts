import type { Browser, Page } from 'playwright-core';
import { signInInBrowser } from '../../web/test/support/sign-in.ts';
import type { Credentials } from '../../web/test/support/stack.ts';

export interface PageTiming {
  /** From navigation until the student table shows its first rows. */
  renderedMs: number;
  /** From typing a student's name until that student's row is the one shown. */
  searchMs: number;
  /** Used JS heap of the page once rendered and searched (Chromium's own count). */
  heapBytes: number;
  /** Elements in the page once rendered (before the search). */
  elements: number;
}

/** Which page, where its student table is and how to find a student in it. */
export interface StudentPage {
  path: string;
  /** The student table (the dashboard's roster, the health page's per-student table). */
  table: (page: Page) => ReturnType<Page['getByRole']>;
}

export const DASHBOARD: StudentPage = {
  path: '',
  table: (page) => page.getByRole('table', { name: /^Students \(/ }),
};
export const HEALTH_PAGE: StudentPage = {
  path: '/health',
  table: (page) => page.getByRole('table', { name: 'Connections and answers per student' }),
};

/**
 * Opens one of a session's teacher pages in Chromium as its teacher and times what a teacher
 * waits for: the student table, then a search for `student` (its row alone in the table).
 */
export async function timeStudentPage(
  browser: Browser,
  webUrl: string,
  teacher: Credentials,
  sessionId: string,
  which: StudentPage,
  student: string,
): Promise<PageTiming> {
  const context = await browser.newContext({
    baseURL: webUrl,
    viewport: { width: 1366, height: 768 },
  });
  try {
    const page = await context.newPage();
    await signInInBrowser(page, teacher);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    const started = performance.now();
    await page.goto(`/teacher/sessions/${sessionId}${which.path}`);
    const table = which.table(page);
    await table.getByRole('row').nth(1).waitFor();
    const renderedMs = performance.now() - started;
    const elements = await page.evaluate(() => document.getElementsByTagName('*').length);
    const searching = performance.now();
    await page.getByLabel('Find a student').fill(student);
    await table.getByRole('row', { name: new RegExp(`^${student}\\b`) }).waitFor();
    // Until the search has narrowed the table to that one student.
    while ((await table.locator('tbody tr').count()) !== 1) await page.waitForTimeout(5);
    const searchMs = performance.now() - searching;
    const { metrics } = await cdp.send('Performance.getMetrics');
    const heapBytes = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? Number.NaN;
    return { renderedMs, searchMs, heapBytes, elements };
  } finally {
    await context.close();
  }
}
