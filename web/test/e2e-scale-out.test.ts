/**
 * The web tier scaled out: two web processes over one PostgreSQL and one realtime tier, in real
 * Chromium. The teacher works on one process, the co-teacher and the projector on the other;
 * the teacher's process is killed mid-session, students keep answering, and nothing is lost: the
 * teacher carries on from the other process with the same sign-in, and the report has every
 * answer and every teacher action.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import {
  createLogger,
  createRealtimeServer,
  loadRealtimeConfig,
  type RealtimeServer,
} from '@classpulse/realtime/server';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './support/browser.ts';
import { colourDeck } from './support/fixtures.ts';
import { startPostgres, type TestPostgres } from './support/postgres.ts';
import { createTeacher, signInInBrowser } from './support/sign-in.ts';
import { startStack, type Credentials, type Stack } from './support/stack.ts';

const ARTIFACTS = fileURLToPath(new URL('../test-artifacts', import.meta.url));
const TOKEN_SECRET = 'scale-out-realtime-token-secret-'.padEnd(48, 'r');
const SESSION_SECRET = 'scale-out-web-session-secret-'.padEnd(48, 's');
const CO: Credentials = {
  name: 'Cole Coteacher',
  email: 'cole@school.test',
  password: 'cole has a long password',
};

describe('two web processes on PostgreSQL, one killed mid-session', { timeout: 300_000 }, () => {
  let postgres: TestPostgres;
  let realtime: RealtimeServer;
  let realtimeDir: string;
  let webA: Stack;
  let webB: Stack;
  let browser: Browser;
  let teacher: Page;
  let coTeacher: Page;
  let projector: Page;
  const students: Page[] = [];
  let sessionId: string;
  let joinCode: string;

  before(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    postgres = await startPostgres();
    const databaseUrl = await postgres.createDatabase('scale_out');
    realtimeDir = mkdtempSync(join(tmpdir(), 'classpulse-scale-out-'));
    const config = loadRealtimeConfig({
      CLASSPULSE_DATA_DIR: realtimeDir,
      REALTIME_HOST: '127.0.0.1',
      REALTIME_PORT: '0',
      REALTIME_LOG_LEVEL: 'warn',
      REALTIME_STUDENT_BROADCAST_INTERVAL_MS: '50',
    });
    realtime = await createRealtimeServer(
      { ...config, tokenSecret: TOKEN_SECRET },
      { logger: createLogger('warn') },
    );
    const shared = {
      DATABASE_URL: databaseUrl,
      REALTIME_TOKEN_SECRET: TOKEN_SECRET,
      WEB_SESSION_SECRET: SESSION_SECRET,
      WEB_EMBEDDED_REALTIME: 'false',
      REALTIME_INTERNAL_URL: realtime.url,
      REALTIME_PUBLIC_URL: realtime.url,
    };
    webA = await startStack(shared);
    // The second process finds the owner in the shared database: no setup link from it.
    webB = await startStack(shared, { owner: false });
    assert.equal(webB.setupUrl, null, 'an owner exists already');
    await createTeacher(webB.webUrl, webA.owner!, CO);
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    await webA?.stop();
    await webB?.stop();
    await realtime?.close();
    postgres?.stop();
    if (realtimeDir) rmSync(realtimeDir, { recursive: true, force: true });
  });

  const pageOn = async (stack: Stack, width = 1280) =>
    (
      await browser.newContext({ baseURL: stack.webUrl, viewport: { width, height: 900 } })
    ).newPage();

  it('the teacher starts on process A and adds a co-teacher, who opens it on process B', async () => {
    teacher = await pageOn(webA);
    await signInInBrowser(teacher, webA.owner!);
    const created = await teacher.request.post('/api/decks', { data: { title: 'Colours' } });
    const { id } = (await created.json()) as { id: string };
    const saved = await teacher.request.put(`/api/decks/${id}`, { data: colourDeck('Colours') });
    assert.equal(saved.status(), 200);
    await teacher.reload();
    await teacher.getByRole('button', { name: 'Start session with Colours' }).click();
    await teacher.waitForURL(/\/teacher\/sessions\/[^/]+$/);
    sessionId = teacher.url().split('/').pop()!;
    await teacher.getByLabel('Co-teacher’s email').fill(CO.email);
    await teacher.getByRole('button', { name: 'Add co-teacher' }).click();
    await teacher.getByRole('button', { name: `Remove co-teacher ${CO.email}` }).waitFor();

    coTeacher = await pageOn(webB);
    await signInInBrowser(coTeacher, CO);
    await coTeacher.goto(`/teacher/sessions/${sessionId}`);
    await coTeacher.getByText('You co-teach').waitFor();
    const connection = (await (
      await coTeacher.request.get(`/api/sessions/${sessionId}/teacher-token`)
    ).json()) as { joinCode: string };
    joinCode = connection.joinCode;
    projector = await coTeacher.context().newPage();
    await projector.goto(`/teacher/sessions/${sessionId}/projector`);
    await projector.getByText(joinCode).first().waitFor();
  });

  it('students answer; process A dies; they keep answering and nothing is lost', async () => {
    for (const name of ['Ada', 'Ben', 'Cy']) {
      const student = await pageOn(webB, 390);
      await student.goto(`/join/${joinCode}`);
      await student.getByLabel('Your name').fill(name);
      await student.getByRole('button', { name: 'Join' }).click();
      await student.getByText('Slide 1 of 2').waitFor();
      students.push(student);
    }
    const answer = async (student: Page, colour: string) => {
      await student.getByLabel(colour).check({ force: true });
      await student.getByRole('button', { name: 'Submit answer' }).click();
      await student.getByText('✓ Received').waitFor();
    };
    await answer(students[0]!, 'Red');
    await teacher.getByText('1 of 3 answered').waitFor();

    await webA.kill();

    await answer(students[1]!, 'Green');
    await answer(students[2]!, 'Red');
    await coTeacher.getByText('3 of 3 answered').waitFor();
    await coTeacher.getByRole('button', { name: 'Next slide' }).click();
    await projector.getByText('Why that colour?').first().waitFor();

    // The teacher goes on from process B, signed in with the same cookie.
    const again = await teacher.context().newPage();
    await again.goto(`${webB.webUrl}/teacher/sessions/${sessionId}`);
    await again.getByText('Slide 2 of 2').waitFor();
    await again.getByRole('button', { name: 'Previous slide' }).click();
    await coTeacher.getByText('Slide 1 of 2').waitFor();
    await again.screenshot({ path: join(ARTIFACTS, 'scale-out-teacher-on-b.png'), fullPage: true });

    await again.goto(`${webB.webUrl}/teacher/sessions/${sessionId}/report`);
    const rows = await again
      .getByRole('region', { name: 'Answers by student, scrollable' })
      .getByRole('row')
      .allInnerTexts();
    for (const [name, colour] of [
      ['Ada', 'Red'],
      ['Ben', 'Green'],
      ['Cy', 'Red'],
    ] as const)
      assert.ok(
        rows.some((r) => r.includes(name) && r.includes(colour)),
        `${name}'s answer in the report: ${rows.join(' | ')}`,
      );
    const actions = await again
      .getByRole('region', { name: 'Teacher actions, scrollable' })
      .getByRole('row')
      .allInnerTexts();
    assert.ok(actions.some((r) => r.includes(CO.name) && r.includes('Moved the class to slide 2')));
    assert.ok(actions.some((r) => r.includes('Olivia Owner') && r.includes('slide 1')));
  });
});
