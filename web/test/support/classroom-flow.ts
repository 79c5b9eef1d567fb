import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { assertAccessible } from './browser.ts';
import { chromiumSuite } from './chromium-suite.ts';
import { parseCsv } from './csv.ts';
import { everyKindDeck, solidPng } from './fixtures.ts';
import { reported, waitForReported } from './reported-metrics.ts';
import type { Stack } from './stack.ts';

const ARTIFACTS = fileURLToPath(new URL('../../test-artifacts', import.meta.url));

interface Student {
  name: string;
  context: BrowserContext;
  page: Page;
}

/** Student i's answer to each slide, entered through the real answer UI. */
const ANSWERS = {
  mc: ['One half', 'One half', 'One third'],
  text: ['The number under the line', 'How many equal parts', 'The bottom number'],
  num: ['12', '12', '11'],
  cloud: ['tricky', 'fun', 'pizza'],
  scale: [5, 4, 2],
} as const;

export interface ClassroomFlowOptions {
  /** Shown in the suite's name, e.g. "socket transport". */
  name: string;
  startStack: () => Promise<Stack>;
  /** Prefix of the screenshot files, so the runs of each transport keep their own. */
  artifactPrefix: string;
  /**
   * Firebase transport: students talk to the database, not to our servers, so stopping our
   * servers does not disconnect them, and they can still answer.
   */
  studentsIndependentOfOurServers: boolean;
}

/**
 * The web issue's end-to-end flow in Chromium: a teacher and three students run a deck of every
 * kind. Runs once per student transport (e2e-classroom*.test.ts).
 */
export function classroomFlow(options: ClassroomFlowOptions): void {
  describe(
    `a teacher and three students run a deck of every kind in Chromium (${options.name})`,
    { timeout: 900_000 },
    () => {
      const suite = chromiumSuite(options.startStack);
      let teacherContext: BrowserContext;
      let dashboard: Page;
      let projector: Page;
      let sessionPath: string;
      let joinCode: string;
      const students: Student[] = [];

      const screenshot = async (page: Page, name: string) => {
        await page.screenshot({
          path: join(ARTIFACTS, `${options.artifactPrefix}${name}.png`),
          fullPage: true,
        });
      };

      before(async () => {
        mkdirSync(ARTIFACTS, { recursive: true });
        teacherContext = await suite.browser.newContext({
          baseURL: suite.stack.webUrl,
          viewport: { width: 1366, height: 900 },
        });
      });

      it('answers /healthz for Kubernetes probes without caching', async () => {
        const response = await fetch(`${suite.stack.webUrl}/healthz`);
        assert.equal(response.status, 200);
        assert.match(response.headers.get('cache-control') ?? '', /no-store/);
        assert.deepEqual(await response.json(), { status: 'ok' });
      });

      it('the teacher signs in with their account and starts a session from a deck', async () => {
        const page = await teacherContext.newPage();
        const owner = suite.stack.owner!;
        await page.goto('/teacher');
        await page.getByLabel('Email').fill(owner.email);
        await page.getByLabel('Password').fill('not the password');
        await page.getByRole('button', { name: 'Sign in' }).click();
        await page.getByRole('alert').filter({ hasText: 'do not match' }).waitFor();
        await assertAccessible(page, 'teacher sign-in');
        await page.getByLabel('Password').fill(owner.password);
        await page.getByRole('button', { name: 'Sign in' }).click();
        await page.getByRole('heading', { name: 'Your decks' }).waitFor();

        // The deck content goes in through the API (the editor has its own test); the image is a real upload.
        const upload = await page.request.post('/api/uploads', {
          multipart: {
            file: {
              name: 'square.png',
              mimeType: 'image/png',
              buffer: solidPng(64, 48, [34, 139, 34]),
            },
          },
        });
        assert.equal(upload.status(), 201);
        const { url } = (await upload.json()) as { url: string };
        const created = await page.request.post('/api/decks', {
          data: { title: 'Fractions check-in' },
        });
        const { id } = (await created.json()) as { id: string };
        const saved = await page.request.put(`/api/decks/${id}`, { data: everyKindDeck(url) });
        assert.equal(saved.status(), 200, await saved.text());

        await page.goto(`/teacher/decks/${id}`);
        await page.getByLabel('Deck title').waitFor();
        await assertAccessible(page, 'deck editor');
        await screenshot(page, 'teacher-deck-editor');
        await page.goto('/teacher');
        await assertAccessible(page, 'deck library');
        await screenshot(page, 'teacher-library');
        await page.getByRole('button', { name: 'Start session with Fractions check-in' }).click();
        await page.waitForURL(/\/teacher\/sessions\/[^/]+$/);
        sessionPath = new URL(page.url()).pathname;
        dashboard = page;
        joinCode = (
          (await dashboard
            .getByLabel(/^Join code/)
            .first()
            .textContent()) ?? ''
        ).trim();
        assert.match(joinCode, /^[A-Z2-9]{6}$/);

        projector = await teacherContext.newPage();
        await projector.setViewportSize({ width: 1920, height: 1080 });
        await projector.goto(`${sessionPath}/projector`);
        await projector.getByRole('heading', { name: 'Warm-up' }).waitFor();
      });

      it('three students join from the code page; one is on a 360 px phone', async () => {
        for (const [i, name] of ['Ada', 'Grace', 'Alan'].entries()) {
          const context = await suite.browser.newContext(
            i === 0
              ? {
                  baseURL: suite.stack.webUrl,
                  viewport: { width: 360, height: 740 },
                  isMobile: true,
                  hasTouch: true,
                  deviceScaleFactor: 2,
                }
              : { baseURL: suite.stack.webUrl },
          );
          const page = await context.newPage();
          await page.goto('/join');
          if (i === 0) await assertAccessible(page, 'join code page');
          await page.getByLabel('Session code').fill(joinCode.toLowerCase());
          await page.getByRole('button', { name: 'Continue' }).click();
          await page.getByLabel('Your name').fill(`  ${name} `);
          await page.getByRole('button', { name: 'Join' }).click();
          await page.getByRole('heading', { name, exact: true }).waitFor();
          students.push({ name, context, page });
        }
        await dashboard.getByText('0 of 3 answered').waitFor();
      });

      const answerSlide = async (
        slideId: string,
        index: number,
        answer: (page: Page, i: number) => Promise<void>,
      ) => {
        if (index > 0) await dashboard.getByRole('button', { name: 'Next slide' }).click();
        for (const [i, s] of students.entries()) {
          await s.page.getByText(`Slide ${index + 1} of 7`).waitFor();
          await answer(s.page, i);
          await s.page.getByRole('button', { name: 'Submit answer' }).click();
          await s.page.getByText('✓ Received').waitFor();
        }
        await dashboard.getByText('3 of 3 answered').waitFor();
        assert.ok(slideId);
      };

      it('every kind of question is answered through the real UI and received', async () => {
        await answerSlide('mc', 0, (p, i) => p.getByLabel(ANSWERS.mc[i]!).check({ force: true }));
        await screenshot(students[0]!.page, 'student-phone-multiple-choice');
        await assertAccessible(students[0]!.page, 'student answer page');
        await answerSlide('text', 1, (p, i) =>
          p.getByLabel('What is a denominator?').fill(ANSWERS.text[i]!),
        );
        await answerSlide('num', 2, (p, i) =>
          p.getByLabel('How many quarters make 3 wholes?').fill(ANSWERS.num[i]!),
        );
        await answerSlide('cloud', 3, (p, i) => p.getByLabel('Word 1').fill(ANSWERS.cloud[i]!));
        await answerSlide('scale', 4, (p, i) =>
          p
            .getByRole('radio', { name: new RegExp(`^${ANSWERS.scale[i]!}(,|$)`) })
            .check({ force: true }),
        );
        await answerSlide('draw', 5, async (p, i) => {
          const canvas = p.getByRole('img', { name: 'Drawing area, empty' });
          const box = (await canvas.boundingBox())!;
          await p.mouse.move(box.x + 20, box.y + 20 + i * 10);
          await p.mouse.down();
          await p.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 8 });
          await p.mouse.move(box.x + box.width - 20, box.y + 30, { steps: 8 });
          await p.mouse.up();
          await p.getByRole('img', { name: 'Your drawing: 1 stroke' }).waitFor();
        });
        await screenshot(students[0]!.page, 'student-phone-drawing');
        await answerSlide('pin', 6, async (p, i) => {
          const area = p.getByRole('group', { name: /No pin placed yet/ });
          const box = (await area.boundingBox())!;
          await area.click({ position: { x: box.width * (0.25 + i * 0.25), y: box.height / 2 } });
        });
        await screenshot(dashboard, 'teacher-dashboard');
        await assertAccessible(dashboard, 'teacher dashboard');
      });

      it('the dashboard and the projector show exactly what the students answered', async () => {
        // One slide at a time: a click sent while the previous navigation is still in flight
        // can be dropped, which raced on slow runs.
        for (let slide = 6; slide >= 2; slide -= 1) {
          await dashboard.getByRole('button', { name: 'Previous slide' }).click();
          await dashboard.getByText(`Slide ${slide} of 7`).waitFor();
        }
        for (const text of ANSWERS.text) await dashboard.getByText(text).first().waitFor();

        // Hidden on the projector until revealed, then anonymous, then with names.
        await projector.getByRole('heading', { name: 'In your words' }).waitFor();
        assert.equal(await projector.getByText(ANSWERS.text[0]).count(), 0, 'not revealed yet');
        await dashboard.getByLabel('Show results to students').selectOption('anonymous');
        for (const text of ANSWERS.text) await projector.getByText(text).first().waitFor();
        assert.equal(await projector.getByText('Grace').count(), 0, 'anonymous');
        await screenshot(projector, 'projector-anonymous');
        await assertAccessible(projector, 'projector');
        await dashboard.getByLabel('Show results to students').selectOption('named');
        await projector.getByText('Grace').first().waitFor();

        // The students see the same revealed results.
        for (const s of students) await s.page.getByText(ANSWERS.text[2]).first().waitFor();

        // The report and CSV hold every answer of every kind, exactly.
        const report = await teacherContext.newPage();
        await report.goto(`${sessionPath}/report`);
        await report.getByRole('heading', { name: 'Answers by student' }).waitFor();
        await assertAccessible(report, 'session report');
        await screenshot(report, 'teacher-report');
        await report.close();

        const csv = await dashboard.request.get(
          `/api/sessions/${sessionPath.split('/').pop()}/report.csv`,
        );
        const records = parseCsv(await csv.text());
        for (const [i, name] of ['Ada', 'Grace', 'Alan'].entries()) {
          const row = records.find((record) => record[0] === name)?.join(',');
          assert.ok(row, `a CSV row for ${name}`);
          for (const expected of [
            ANSWERS.mc[i]!,
            ANSWERS.text[i]!,
            ANSWERS.num[i]!,
            ANSWERS.cloud[i]!,
            String(ANSWERS.scale[i]!),
            'Drawing (1 stroke)',
            'Pin at',
          ]) {
            assert.ok(row.includes(expected), `${name}'s row has ${expected}: ${row}`);
          }
        }
      });

      it('a student who reloads keeps their identity and answers', async () => {
        const grace = students[1]!;
        await grace.page.reload();
        await grace.page.getByRole('heading', { name: 'Grace', exact: true }).waitFor();
        await grace.page.getByText('✓ Received').waitFor();
        await dashboard.getByText('3 of 3 answered').waitFor();
      });

      it('every page reports its load, connection and vitals to the metrics aggregator, and the probe its runs', async () => {
        const wait = (name: string, labels: Record<string, string>, atLeast: number) =>
          waitForReported(suite.stack.metricsUrl, name, labels, atLeast);
        // Three students, and Grace's reload: her first page sent its vitals when it was left.
        await wait('classroom_app_loads_total', { app: 'student', outcome: 'success' }, 4);
        await wait('classroom_app_loads_total', { app: 'teacher', outcome: 'success' }, 1);
        await wait('classroom_app_loads_total', { app: 'projector', outcome: 'success' }, 1);
        await wait('classroom_app_load_duration_seconds_count', { app: 'student' }, 4);
        await wait('classroom_web_vitals_fcp_seconds_count', { app: 'student' }, 1);
        await wait('classroom_web_vitals_ttfb_seconds_count', { app: 'student' }, 1);
        await wait(
          'classroom_realtime_connection_events_total',
          { app: 'student', event: 'connected' },
          4,
        );
        await wait(
          'classroom_realtime_connection_events_total',
          { app: 'teacher', event: 'connected' },
          1,
        );
        await wait('classroom_client_heartbeats_total', { app: 'projector' }, 1);
        assert.equal(
          await reported(suite.stack.metricsUrl, 'classroom_client_errors_total'),
          0,
          'no page had an error',
        );
        assert.equal(
          await reported(suite.stack.metricsUrl, 'metrics_aggregator_rejected_total'),
          0,
          'every beacon was valid',
        );
        // The embedded probe loads the join page and pings the realtime tier like a student.
        const probeUrl = suite.stack.probeUrl;
        assert.ok(probeUrl, 'the embedded probe started');
        for (const check of ['web', 'realtime'])
          await waitForReported(
            probeUrl,
            `${check}_probe_runs_total`,
            { probe: 'local', result: 'success' },
            1,
          );
      });

      it('a student who goes offline answers anyway; the answer arrives once when back', async () => {
        const alan = students[2]!;
        await alan.context.setOffline(true);
        await alan.page.getByText('Offline').first().waitFor();
        await alan.page.getByLabel('What is a denominator?').fill('Changed while offline');
        await alan.page.getByRole('button', { name: 'Update answer' }).click();
        await alan.page.getByText('Sending…').waitFor();
        await screenshot(alan.page, 'student-offline');
        await alan.context.setOffline(false);
        await alan.page.getByText('✓ Received').waitFor();
        await dashboard.getByText('Changed while offline').first().waitFor();
        const csv = await (
          await dashboard.request.get(`/api/sessions/${sessionPath.split('/').pop()}/report.csv`)
        ).text();
        assert.equal(csv.split('Changed while offline').length - 1, 1, 'stored once');
      });

      it('after a server restart every page recovers without a manual reload', async () => {
        await suite.stack.kill();
        const reconnecting = dashboard.getByText('Reconnecting to the live session…');
        await reconnecting.waitFor();
        if (options.studentsIndependentOfOurServers) {
          // Our servers are down; the database is not: a student's edit is still received.
          const ada = students[0]!;
          await ada.page
            .getByLabel('What is a denominator?')
            .fill('Sent while the servers were down');
          await ada.page.getByRole('button', { name: 'Update answer' }).click();
          await ada.page.getByText('✓ Received').waitFor();
        } else {
          await students[0]!.page.getByText('Reconnecting').first().waitFor();
        }
        await suite.stack.restart();
        await reconnecting.waitFor({ state: 'hidden', timeout: 60_000 });
        await dashboard.getByRole('button', { name: 'Next slide' }).click();
        await dashboard.getByText('Slide 3 of 7').waitFor();
        for (const s of students)
          await s.page.getByText('Slide 3 of 7').waitFor({ timeout: 60_000 });
        await projector.getByRole('heading', { name: 'Estimate' }).waitFor({ timeout: 60_000 });
        await screenshot(students[0]!.page, 'student-after-restart');
        if (options.studentsIndependentOfOurServers) {
          await dashboard.getByRole('button', { name: 'Previous slide' }).click();
          await dashboard.getByText('Sent while the servers were down').first().waitFor();
        }
      });
    },
  );
}
