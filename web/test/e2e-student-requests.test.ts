/**
 * A parent's request about one student, in real Chromium against the embedded stack (issue 25):
 * three students join a session and answer; an admin finds one by name, exports her data (the
 * JSON holds her answer and nothing of her classmates; the readable page shows the question and
 * her answer), is refused while the session is live, and erases her once it ended and her name is
 * typed to confirm. Afterwards the report CSV and the health report have no trace of her, her
 * classmates are untouched, and the access audit shows the erasure without her name. An admin
 * who chooses to end a still-live session erases a student in it at once.
 */
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { join as joinPath } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { assertAccessible, sidewaysOverflow } from './support/browser.ts';
import { chromiumSuite } from './support/chromium-suite.ts';
import { studentJoiner } from './support/join-student.ts';
import { createTeacher, signInCookie, signInInBrowser } from './support/sign-in.ts';
import { startSessionOf } from './support/start-session.ts';
import { OWNER, type Credentials } from './support/stack.ts';

const ARTIFACTS = fileURLToPath(new URL('../test-artifacts', import.meta.url));
const TEA: Credentials = {
  name: 'Tomas Teacher',
  email: 'tomas@school.test',
  password: 'tomas has a long password',
};
const PROMPT = 'What did you see at the museum?';
const TITLE = 'Museum trip';
const CLASS = [
  { name: 'Zora Quill', answer: 'A blue whale skeleton' },
  { name: 'Milo Fern', answer: 'Dinosaur footprints' },
  { name: 'Ines Park', answer: 'A meteorite from Chile' },
] as const;
const [ZORA, ...CLASSMATES] = CLASS;

describe('a student’s data on request in Chromium', { timeout: 300_000 }, () => {
  const suite = chromiumSuite();
  const contexts: BrowserContext[] = [];
  const join = studentJoiner(suite, contexts);
  let sessionId: string;
  let joinCode: string;
  let teacherCookie: string;
  let adminCookie: string;
  let zoraId: string;
  let findPath: string;

  const adminPage = async (width = 1280): Promise<Page> => {
    const context = await suite.browser.newContext({
      baseURL: suite.stack.webUrl,
      viewport: { width, height: 900 },
      acceptDownloads: true,
    });
    contexts.push(context);
    const page = await context.newPage();
    await signInInBrowser(page, OWNER);
    return page;
  };
  const shot = (page: Page, name: string) =>
    page.screenshot({ path: joinPath(ARTIFACTS, `student-requests-${name}.png`), fullPage: true });
  const teacherDownload = async (file: string) => {
    const response = await fetch(`${suite.stack.webUrl}/api/sessions/${sessionId}/${file}`, {
      headers: { cookie: teacherCookie },
    });
    assert.equal(response.status, 200, file);
    return response.text();
  };

  before(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    await createTeacher(suite.stack.webUrl, OWNER, TEA);
    teacherCookie = await signInCookie(suite.stack.webUrl, TEA);
    adminCookie = await signInCookie(suite.stack.webUrl, OWNER);
    ({ sessionId, joinCode } = await startSessionOf(suite.stack.webUrl, teacherCookie, {
      title: TITLE,
      slides: [{ id: 'q1', title: 'Museum', question: { kind: 'short-text', prompt: PROMPT } }],
    }));
    findPath = `/teacher/admin/students?name=zora&code=${joinCode}`;
  });
  after(async () => {
    for (const context of contexts) await context.close();
  });

  it('three students join and answer', async () => {
    for (const { name, answer } of CLASS) {
      const page = await join(joinCode, name);
      await page.getByLabel(PROMPT).fill(answer);
      await page.getByRole('button', { name: 'Submit answer' }).click();
      await page.getByText('✓ Received').waitFor();
    }
    const csv = await teacherDownload('report.csv');
    for (const { name, answer } of CLASS) {
      assert.ok(csv.includes(name), `${name} is in the report before`);
      assert.ok(csv.includes(answer));
    }
  });

  it('an admin finds her by session and name, on a phone too', async () => {
    const page = await adminPage();
    await page.goto('/teacher/admin');
    await page.getByRole('link', { name: 'Find, export or erase a student’s data' }).click();
    await page.getByRole('heading', { level: 1, name: 'A student’s data on request' }).waitFor();
    const byName = page.getByRole('form', { name: 'By session and name' });
    await byName.getByLabel('Student name').fill('zora');
    await byName.getByLabel('Join code').fill(joinCode);
    await byName.getByRole('button', { name: 'Find by name' }).click();
    const found = page.getByRole('table', { name: 'Students found' });
    await found.getByRole('rowheader', { name: ZORA.name }).waitFor();
    // One row: hers (the session, its teacher and its date are on it).
    assert.equal(await found.getByRole('row').count(), 2, 'a header and her row');
    const row = found.getByRole('row').filter({ hasText: ZORA.name });
    await row.getByText(TEA.name).waitFor();
    await row.getByText(`${TITLE} (${joinCode})`).waitFor();
    assert.ok(
      await page
        .getByRole('checkbox', { name: `Include ${ZORA.name} in ${TITLE} (${joinCode})` })
        .isChecked(),
    );
    await assertAccessible(page, 'the student search with a result');
    await shot(page, 'found');
    await page.setViewportSize({ width: 360, height: 800 });
    assert.equal(await sidewaysOverflow(page), 0, 'no sideways scrolling at 360 px');
    await shot(page, 'found-phone');
    await page.context().close();
  });

  it('exports her data: the JSON has her answer and none of her classmates’, the page reads it out', async () => {
    const page = await adminPage();
    await page.goto(findPath);
    await page.getByRole('button', { name: 'Export chosen' }).click();
    await page.getByRole('heading', { level: 1, name: 'A student’s data: export' }).waitFor();
    const session = page.getByRole('region', { name: new RegExp(`^${TITLE}, `) });
    await session.getByText(`Name: ${ZORA.name}`).waitFor();
    await session.getByText(`Teacher: ${TEA.name}`).waitFor();
    await session.getByText(PROMPT).waitFor();
    await session.getByText(`Answer: ${ZORA.answer}`).waitFor();
    const text = (await page.locator('main').textContent()) ?? '';
    for (const { name, answer } of CLASSMATES) {
      assert.ok(!text.includes(name), `${name} is not on her page`);
      assert.ok(!text.includes(answer));
    }
    await assertAccessible(page, 'the readable export');
    await shot(page, 'export');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download JSON' }).click(),
    ]);
    assert.match(download.suggestedFilename(), /^student-export-\d{4}-\d\d-\d\d\.json$/);
    const raw = readFileSync(await download.path(), 'utf8');
    const exported = JSON.parse(raw) as {
      format: string;
      version: number;
      sessions: Array<{
        session: { id: string; title: string; teacher: string };
        signIn: unknown;
        student: { id: string; name: string };
        answers: Array<{ prompt: string; answer: unknown; answerText: string }>;
      }>;
      unavailable: unknown[];
    };
    assert.equal(exported.format, 'classpulse.student-export');
    assert.equal(exported.version, 1);
    assert.deepEqual(exported.unavailable, []);
    assert.equal(exported.sessions.length, 1);
    const [part] = exported.sessions;
    assert.deepEqual(part!.session.id, sessionId);
    assert.equal(part!.session.teacher, TEA.name);
    assert.equal(part!.student.name, ZORA.name);
    assert.equal(part!.signIn, null, 'she joined by name: no school address');
    assert.deepEqual(
      part!.answers.map((a) => [a.prompt, a.answer, a.answerText]),
      [[PROMPT, { kind: 'short-text', text: ZORA.answer }, ZORA.answer]],
    );
    zoraId = part!.student.id;
    for (const { name, answer } of CLASSMATES) {
      assert.ok(!raw.includes(name), `${name} is not in her export`);
      assert.ok(!raw.includes(answer));
    }
    await page.context().close();
  });

  it('refuses to erase while the session is live, and erases once it ended (without JavaScript)', async () => {
    const erase = (confirmName: string) =>
      fetch(`${suite.stack.webUrl}/api/admin/students/erase`, {
        method: 'POST',
        headers: { cookie: adminCookie, 'content-type': 'application/json' },
        body: JSON.stringify({ students: [`${sessionId}.${zoraId}`], confirmName }),
      });
    const live = (await (await erase(ZORA.name)).json()) as {
      ok: boolean;
      erased: number;
      failed: Array<{ status: number }>;
    };
    assert.deepEqual([live.ok, live.erased, live.failed[0]?.status], [false, 0, 409]);

    // The teacher ends the session.
    const { token } = (await (
      await fetch(`${suite.stack.webUrl}/api/sessions/${sessionId}/teacher-token`, {
        headers: { cookie: teacherCookie },
      })
    ).json()) as { token: string };
    const ended = await fetch(`${suite.stack.realtimeUrl}/v1/sessions/${sessionId}/commands`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'endSession' }),
    });
    assert.equal(ended.status, 200, await ended.text());

    // The whole erasure, confirmation included, with JavaScript off: plain forms and redirects.
    const noScript = await suite.browser.newContext({
      baseURL: suite.stack.webUrl,
      viewport: { width: 1280, height: 900 },
      javaScriptEnabled: false,
    });
    contexts.push(noScript);
    const [cookieName = '', cookieValue = ''] = adminCookie.split(/=(.*)/s);
    await noScript.addCookies([{ name: cookieName, value: cookieValue, url: suite.stack.webUrl }]);
    const page = await noScript.newPage();
    await page.goto(findPath);
    await page.getByRole('button', { name: 'Erase chosen…' }).click();
    await page.getByRole('heading', { level: 1, name: 'Erase a student’s data' }).waitFor();
    await page.getByRole('list').getByText(ZORA.name).waitFor();
    // A name that is not hers erases nothing and says so.
    await page.getByLabel('Type the student’s name to confirm').fill(CLASSMATES[0].name);
    await page.getByRole('button', { name: 'Erase for good' }).click();
    await page
      .getByRole('alert')
      .filter({ hasText: 'That is not the student’s name: nothing was erased.' })
      .waitFor();
    await shot(page, 'erase-confirm');
    // axe runs in the page, so the same page is checked again with JavaScript on.
    const checked = await adminPage();
    await checked.goto(page.url());
    await checked.getByRole('alert').filter({ hasText: 'nothing was erased' }).waitFor();
    await assertAccessible(checked, 'the erase confirmation with its error');
    await checked.context().close();
    await page.getByLabel('Type the student’s name to confirm').fill(ZORA.name.toUpperCase());
    await page.getByRole('button', { name: 'Erase for good' }).click();
    await page.getByRole('status').filter({ hasText: 'Erased from 1 session.' }).waitFor();
    await shot(page, 'erased');

    // Looked for again, she is not there.
    await page.goto(findPath);
    await page.getByRole('status').filter({ hasText: 'No student found.' }).waitFor();
    await page.context().close();
  });

  it('leaves no trace of her in the report or the health report; her classmates are untouched', async () => {
    const csv = await teacherDownload('report.csv');
    assert.ok(!csv.includes(ZORA.name), 'not in the report CSV');
    assert.ok(!csv.includes(ZORA.answer));
    for (const { name, answer } of CLASSMATES) {
      assert.ok(csv.includes(name), `${name} stays`);
      assert.ok(csv.includes(answer));
    }
    for (const file of ['health.csv', 'health.json', 'audit.csv']) {
      const text = await teacherDownload(file);
      assert.ok(!text.includes(ZORA.name), `not in ${file}`);
      assert.ok(!text.includes(zoraId), `her id is not in ${file}`);
    }
    const teacher = await suite.browser.newContext({ baseURL: suite.stack.webUrl });
    contexts.push(teacher);
    const report = await teacher.newPage();
    await signInInBrowser(report, TEA);
    await report.goto(`/teacher/sessions/${sessionId}/report`);
    await report.getByText(CLASSMATES[0].name).first().waitFor();
    assert.equal(await report.getByText(ZORA.name).count(), 0, 'not on the report page');
  });

  it('the access audit shows the export and the erasure, without her name', async () => {
    const page = await adminPage();
    await page.goto('/teacher/admin');
    const table = page
      .getByRole('region', { name: 'Access audit' })
      .getByRole('table', { name: 'Access audit' });
    await table
      .getByRole('row')
      .filter({ hasText: 'Erased a student’s data' })
      .filter({ hasText: sessionId })
      .waitFor();
    await table.getByRole('row').filter({ hasText: 'Exported a student’s data' }).first().waitFor();
    const text = (await table.textContent()) ?? '';
    assert.ok(!text.includes(ZORA.name) && !text.includes(zoraId), 'no name, no id');
    await assertAccessible(page, 'the admin page with the erasure audited');
    await page.context().close();
  });

  it('an admin who chooses to end a still-live session erases a student in it at once', async () => {
    const lesson = await startSessionOf(suite.stack.webUrl, teacherCookie, {
      title: 'Second lesson',
      slides: [{ id: 'q1', title: 'Museum', question: { kind: 'short-text', prompt: PROMPT } }],
    });
    const student = await join(lesson.joinCode, 'Pavel Stone');
    await student.getByLabel(PROMPT).fill('A moon rock');
    await student.getByRole('button', { name: 'Submit answer' }).click();
    await student.getByText('✓ Received').waitFor();

    const page = await adminPage();
    await page.goto(`/teacher/admin/students?name=pavel&code=${lesson.joinCode}`);
    await page.getByRole('button', { name: 'Erase chosen…' }).click();
    await page.getByRole('heading', { level: 1, name: 'Erase a student’s data' }).waitFor();
    await page.getByLabel('Type the student’s name to confirm').fill('Pavel Stone');
    await page.getByLabel(/^End any of these sessions that is still live/).check();
    await assertAccessible(page, 'the erase confirmation with the live-session choice');
    await page.getByRole('button', { name: 'Erase for good' }).click();
    await page.getByRole('status').filter({ hasText: 'Erased from 1 session.' }).waitFor();

    const csv = await (
      await fetch(`${suite.stack.webUrl}/api/sessions/${lesson.sessionId}/report.csv`, {
        headers: { cookie: teacherCookie },
      })
    ).text();
    assert.ok(!csv.includes('Pavel Stone') && !csv.includes('A moon rock'), csv);
    await page.goto('/teacher/admin');
    await page
      .getByRole('table', { name: 'Access audit' })
      .getByRole('row')
      .filter({ hasText: lesson.sessionId })
      .filter({ hasText: 'ended the live session' })
      .waitFor();
    await page.context().close();
  });
});
