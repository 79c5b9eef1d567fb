import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium, seriousA11yViolations, sidewaysOverflow } from './support/browser.ts';
import { firstLoadJs } from './support/first-load-js.ts';
import { reported, waitForReported } from './support/reported-metrics.ts';
import { startFirebaseStack, type FirebaseStack } from './support/firebase-stack.ts';
import { signInInBrowser } from './support/sign-in.ts';
import type { Stack } from './support/stack.ts';

const ARTIFACTS = fileURLToPath(new URL('../test-artifacts', import.meta.url));
const PROJECT_ID = 'classpulse-dark-launch';
/** DESIGN.md: the student page's first-load JS on the Firebase path. */
const FIREBASE_FIRST_LOAD_BUDGET_KIB = 185;

const DECK = {
  title: 'Dark launch check',
  slides: ['One', 'Two', 'Three'].map((word, i) => ({
    id: `q${i + 1}`,
    title: `Question ${word}`,
    question: { kind: 'short-text', prompt: `Say something ${i + 1}`, maxLength: 140 },
  })),
};

interface Student {
  name: string;
  context: BrowserContext;
  page: Page;
}

/**
 * Issue #9, dark launch, in Chromium against the local Firebase stand-ins: with
 * WS_DARK_LAUNCH_SHARE=1 every student page on Firebase also opens a shadow connection to the
 * realtime tier and reports it; the teacher moves the session to the socket tier while students
 * answer, nothing is lost, and the roster shows each student's transport and round trip.
 */
describe('dark launch of the WebSocket tier in Firebase mode', { timeout: 300_000 }, () => {
  let stack: Stack;
  let browser: Browser;
  let dashboard: Page;
  let joinCode: string;
  let sessionId: string;
  const students: Student[] = [];
  let running: FirebaseStack | undefined;

  /** A series of the realtime tier's own /metrics, summed over matching labels. */
  const tier = (name: string, labels: Record<string, string>) =>
    reported(stack.realtimeMetricsUrl!, name, labels);
  const until = async (what: string, check: () => Promise<boolean>) => {
    const deadline = Date.now() + 30_000;
    while (!(await check())) {
      if (Date.now() > deadline) assert.fail(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  };
  const row = (name: string) => dashboard.getByRole('row', { name: new RegExp(`^${name}\\b`) });
  const answer = async (s: Student, slide: number, text: string) => {
    await s.page.getByLabel(`Say something ${slide}`).fill(text);
    await s.page.getByRole('button', { name: /Submit answer|Update answer/ }).click();
  };
  const csv = async () =>
    (await dashboard.request.get(`/api/sessions/${sessionId}/report.csv`)).text();

  before(async () => {
    running = await startFirebaseStack(PROJECT_ID, { WS_DARK_LAUNCH_SHARE: '1' });
    stack = running.stack;
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    await running?.stop();
  });

  it('the student page stays within its first-load JS budget on the Firebase path', async () => {
    const context = await browser.newContext({ baseURL: stack.webUrl });
    dashboard = await context.newPage();
    await signInInBrowser(dashboard, stack.owner!);
    const created = await dashboard.request.post('/api/decks', { data: { title: DECK.title } });
    const { id } = (await created.json()) as { id: string };
    const saved = await dashboard.request.put(`/api/decks/${id}`, { data: DECK });
    assert.equal(saved.status(), 200, await saved.text());
    await dashboard.reload();
    await dashboard.getByRole('button', { name: `Start session with ${DECK.title}` }).click();
    await dashboard.waitForURL(/\/teacher\/sessions\/[^/]+$/);
    sessionId = new URL(dashboard.url()).pathname.split('/').pop()!;
    joinCode = (
      (await dashboard
        .getByLabel(/^Join code/)
        .first()
        .textContent()) ?? ''
    ).trim();
    assert.match(joinCode, /^[A-Z2-9]{6}$/);

    const js = await firstLoadJs(browser, `${stack.webUrl}/join/${joinCode}`);
    const kib = js.initialBytes / 1024;
    console.log(`student page first-load JS (Firebase path): ${kib.toFixed(1)} KiB gzip`);
    assert.ok(kib <= FIREBASE_FIRST_LOAD_BUDGET_KIB, `${kib.toFixed(1)} KiB`);
  });

  it('students on Firebase also open a shadow connection, and the aggregator hears of it', async () => {
    for (const name of ['Ada', 'Grace']) {
      const context = await browser.newContext({ baseURL: stack.webUrl });
      const page = await context.newPage();
      await page.goto(`/join/${joinCode}`);
      await page.getByLabel('Your name').fill(name);
      await page.getByRole('button', { name: 'Join' }).click();
      await page.getByRole('heading', { name, exact: true }).waitFor();
      students.push({ name, context, page });
    }
    for (const [i, s] of students.entries()) {
      await answer(s, 1, `${s.name} first on Firebase ${i}`);
      await s.page.getByText('✓ Received').waitFor();
    }
    await dashboard.getByText('2 of 2 answered').waitFor();

    // The tier sees two shadow sockets (never students: the roster has only Firebase presence).
    await until('two shadow sockets on the tier', async () => {
      return (await tier('realtime_connected_sockets', { role: 'shadow' })) === 2;
    });
    assert.equal(await tier('realtime_connected_sockets', { role: 'student' }), 0);
    const wait = (name: string, labels: Record<string, string>, atLeast: number) =>
      waitForReported(stack.metricsUrl, name, labels, atLeast);
    await wait(
      'classroom_ws_dark_launch_connects_total',
      { app: 'student', result: 'success', failure_stage: 'none' },
      2,
    );
    await wait('classroom_ws_dark_launch_rtt_seconds_count', { app: 'student' }, 1);
    await wait(
      'classroom_ws_dark_launch_connect_duration_seconds_count',
      { app: 'student', transport: 'websocket' },
      2,
    );
    assert.equal(
      await reported(stack.metricsUrl, 'classroom_ws_dark_launch_connects_total', {
        result: 'failure',
      }),
      0,
    );
  });

  it("the roster shows each student's transport and round trip, as text", async () => {
    for (const s of students) {
      await row(s.name).getByRole('cell', { name: 'Firebase' }).waitFor();
      await row(s.name)
        .getByRole('cell', { name: /^\d+ ms$/ })
        .waitFor();
    }
    // The table fits the dashboard's side column on a small laptop screen.
    await dashboard.setViewportSize({ width: 1024, height: 768 });
    const overflow = await sidewaysOverflow(dashboard);
    assert.equal(overflow, 0, 'the dashboard does not scroll sideways');
    mkdirSync(ARTIFACTS, { recursive: true });
    await dashboard.screenshot({
      path: join(ARTIFACTS, 'dark-launch-dashboard.png'),
      fullPage: true,
    });
    const violations = await seriousA11yViolations(dashboard);
    assert.deepEqual(
      violations.map((v) => `${v.id}: ${v.help}`),
      [],
      'axe on the dashboard',
    );
  });

  it('the teacher moves the session to the socket tier while students answer: nothing lost', async () => {
    // Ada's edit waits offline in her outbox while the session moves; Grace's goes out with it.
    const [ada, grace] = students as [Student, Student];
    await ada.context.setOffline(true);
    await ada.page.getByText('Offline').first().waitFor();
    await answer(ada, 1, 'Ada changed during the switch');
    await ada.page.getByText('Sending…').waitFor();
    await answer(grace, 1, 'Grace changed during the switch');
    await dashboard
      .getByLabel('Students connect through')
      .selectOption({ label: 'Classpulse servers (WebSocket)' });
    await row('Grace').getByRole('cell', { name: 'WebSocket' }).waitFor();
    await ada.context.setOffline(false);
    for (const s of students) await s.page.getByText('✓ Received').waitFor();

    await until('both students on the socket tier', async () => {
      return (await tier('realtime_connected_sockets', { role: 'student' })) === 2;
    });
    for (const s of students) {
      await row(s.name).getByRole('cell', { name: 'WebSocket' }).waitFor();
      await row(s.name)
        .getByRole('cell', { name: /^\d+ ms$/ })
        .waitFor();
    }
    // The shadow connections end: the socket is the students' own connection now.
    await until('no shadow sockets left', async () => {
      return (await tier('realtime_connected_sockets', { role: 'shadow' })) === 0;
    });

    await dashboard.getByRole('button', { name: 'Next slide' }).click();
    for (const s of students) {
      await s.page.getByText('Slide 2 of 3').waitFor();
      await answer(s, 2, `${s.name} second on the socket`);
      await s.page.getByText('✓ Received').waitFor();
    }
    await dashboard.getByText('2 of 2 answered').waitFor();

    const report = await csv();
    for (const s of students) {
      for (const text of [`${s.name} changed during the switch`, `${s.name} second on the socket`])
        assert.equal(report.split(text).length - 1, 1, `${text}: stored once`);
    }
  });

  it('a student who reloads after the switch starts on the socket and keeps their answers', async () => {
    const ada = students[0]!;
    await ada.page.reload();
    await ada.page.getByRole('heading', { name: 'Ada', exact: true }).waitFor();
    await ada.page.getByText('✓ Received').waitFor();
    await row('Ada').getByRole('cell', { name: 'WebSocket' }).waitFor();
    assert.equal(
      await reported(stack.metricsUrl, 'classroom_client_errors_total'),
      0,
      'no page had an error',
    );
    assert.equal(
      await reported(stack.metricsUrl, 'metrics_aggregator_rejected_total'),
      0,
      'every beacon was valid',
    );
  });
});
