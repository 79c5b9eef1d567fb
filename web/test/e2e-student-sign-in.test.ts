/**
 * Sessions whose students sign in with their school account, in real Chromium against a real
 * OpenID provider on loopback (oidc-provider): the teacher starts one from the library; the join
 * page offers the school's sign-in instead of a name, and a join by code and name is refused;
 * the student's name comes from the provider, a second device resumes the same student with
 * their answer; other domains are refused; no teacher account is made; the report and its CSV
 * carry each student's email.
 */
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { PROTOCOL_VERSION } from '@classpulse/realtime/protocol';
import { assertAccessible } from './support/browser.ts';
import { parseCsv } from './support/csv.ts';
import { colourDeck } from './support/fixtures.ts';
import { signInAtProvider } from './support/oidc-provider.ts';
import { schoolSignInSuite } from './support/school-sign-in-suite.ts';
import { signInCookie, signInInBrowser } from './support/sign-in.ts';

const ARTIFACTS = fileURLToPath(new URL('../test-artifacts', import.meta.url));
const USERS = {
  'ada.student': { email: 'Ada@students.district.test', name: 'Ada Student' },
  'bo.student': { email: 'bo@students.district.test', name: 'Bo Student' },
  'pat.teacher': { email: 'pat@district.test', name: 'Pat Teacher' },
  'out.sider': { email: 'outsider@elsewhere.test', name: 'Out Sider' },
};

describe(
  'students who sign in with their school account, in Chromium',
  { timeout: 300_000 },
  () => {
    const suite = schoolSignInSuite(USERS, {
      OIDC_STUDENT_EMAIL_DOMAINS: 'students.district.test',
    });

    const contexts: BrowserContext[] = [];
    const page = async (viewport = { width: 1280, height: 900 }) => {
      const context = await suite.browser.newContext({ baseURL: suite.stack.webUrl, viewport });
      contexts.push(context);
      return context.newPage();
    };
    after(async () => {
      for (const c of contexts) await c.close().catch(() => undefined);
    });
    const shot = (p: Page, name: string) =>
      p.screenshot({ path: join(ARTIFACTS, `student-sign-in-${name}.png`), fullPage: true });

    let teacher: Page;
    let sessionId: string;
    let code: string;

    /** A student on the session's page signs in at the provider and comes back into the class. */
    async function studentSignsIn(p: Page, login: string): Promise<void> {
      await p.goto(`/join/${code}`);
      await p.getByRole('link', { name: 'Sign in with Test District' }).click();
      await signInAtProvider(p, login, suite.stack.webUrl);
    }

    before(async () => {
      mkdirSync(ARTIFACTS, { recursive: true });
      teacher = await page();
      await signInInBrowser(teacher, suite.stack.owner!);
    });

    it('the teacher starts a session whose students sign in', async () => {
      const created = await teacher.request.post('/api/decks', { data: { title: 'Colours' } });
      const deckId = ((await created.json()) as { id: string }).id;
      const saved = await teacher.request.put(`/api/decks/${deckId}`, {
        data: colourDeck('Colours'),
      });
      assert.equal(saved.status(), 200);
      await teacher.goto('/teacher');
      const option = teacher.getByRole('checkbox', { name: 'Students sign in with Test District' });
      await option.check();
      await assertAccessible(teacher, 'library with the student sign-in option');
      await teacher.reload();
      // The choice is remembered for the next class (restored from this browser once hydrated).
      await teacher
        .getByRole('checkbox', { name: 'Students sign in with Test District', checked: true })
        .waitFor();
      await teacher.getByRole('button', { name: 'Start session with Colours' }).click();
      await teacher.waitForURL(/\/teacher\/sessions\/[^/]+$/);
      sessionId = teacher.url().split('/').pop()!;
      code = (
        (await teacher
          .getByLabel(/^Join code/)
          .first()
          .textContent()) ?? ''
      ).trim();
      assert.match(code, /^[A-Z0-9]{6}$/);
    });

    it('the join page asks for the school account, and a join by code and name is refused', async () => {
      const p = await page({ width: 360, height: 740 });
      await p.goto(`/join/${code}`);
      await p.getByRole('link', { name: 'Sign in with Test District' }).waitFor();
      assert.equal(await p.getByLabel('Your name').count(), 0, 'no name to type');
      await assertAccessible(p, 'join page of a session whose students sign in');
      await shot(p, 'join-phone');
      // A hostile client skipping the page: the realtime tier refuses a join by code and name.
      const joined = await fetch(`${suite.stack.realtimeUrl}/v1/join`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ v: PROTOCOL_VERSION, join: { code, name: 'Eve' } }),
      });
      assert.equal(joined.status, 403);
      assert.equal(((await joined.json()) as { code: string }).code, 'sign_in_required');
    });

    it('a student signs in, answers as the name the school gives, and no token stays in the address', async () => {
      const ada = await page({ width: 360, height: 740 });
      await studentSignsIn(ada, 'ada.student');
      await ada.getByRole('heading', { name: 'Ada Student', exact: true }).waitFor();
      assert.equal(new URL(ada.url()).hash, '', 'the handed-over identity left the address bar');
      assert.equal(new URL(ada.url()).pathname, `/join/${code}`);
      await ada.getByLabel('Red').check({ force: true });
      await ada.getByRole('button', { name: 'Submit answer' }).click();
      await ada.getByText('✓ Received').waitFor();
      await teacher.getByText('1 of 1 answered').waitFor();
      await assertAccessible(ada, 'signed-in student answering');
      await shot(ada, 'answered-phone');
      // A student is a student of one session, not an account of the deployment.
      assert.equal((await ada.request.get('/api/decks')).status(), 401);
    });

    it('the same student on another device resumes, with the answer already there', async () => {
      const tablet = await page({ width: 800, height: 1000 });
      await studentSignsIn(tablet, 'ada.student');
      await tablet.getByRole('heading', { name: 'Ada Student', exact: true }).waitFor();
      await tablet.getByText('✓ Received').waitFor();
      assert.equal(await tablet.getByLabel('Red').isChecked(), true);
      await teacher.getByText('1 of 1 answered').waitFor();
      const bo = await page();
      await studentSignsIn(bo, 'bo.student');
      await bo.getByRole('heading', { name: 'Bo Student', exact: true }).waitFor();
      await teacher.getByText('1 of 2 answered').waitFor();
    });

    it('refuses addresses outside the students’ domains, and says why on the join page', async () => {
      for (const login of ['out.sider', 'pat.teacher']) {
        const p = await page();
        await studentSignsIn(p, login);
        await p.getByRole('alert').filter({ hasText: 'email domain is not allowed' }).waitFor();
        assert.equal(new URL(p.url()).pathname, `/join/${code}`);
        await p.getByRole('link', { name: 'Sign in with Test District' }).waitFor();
      }
      await teacher.getByText('1 of 2 answered').waitFor();
      const cookie = await signInCookie(suite.stack.webUrl, suite.stack.owner!);
      const overview = (await (
        await fetch(`${suite.stack.webUrl}/api/admin/accounts`, { headers: { cookie } })
      ).json()) as { accounts: Array<{ email: string }> };
      const emails = overview.accounts.map((a) => a.email);
      for (const email of ['ada@students.district.test', 'bo@students.district.test'])
        assert.ok(!emails.includes(email), `no account for ${email}`);
    });

    it('the report and its CSV carry each student’s email', async () => {
      await teacher.goto(`/teacher/sessions/${sessionId}/report`);
      const table = teacher.getByRole('region', { name: 'Answers by student, scrollable' });
      await table.getByRole('columnheader', { name: 'Email' }).waitFor();
      await table.getByRole('cell', { name: 'ada@students.district.test' }).waitFor();
      await assertAccessible(teacher, 'report with student emails');
      await shot(teacher, 'report');
      const records = parseCsv(
        await (await teacher.request.get(`/api/sessions/${sessionId}/report.csv`)).text(),
      );
      assert.deepEqual(records[0]?.slice(0, 3), ['Student', 'Email', '1. Choose']);
      assert.deepEqual(records.slice(1), [
        ['Ada Student', 'ada@students.district.test', 'Red', ''],
        ['Bo Student', 'bo@students.district.test', '', ''],
      ]);
    });
  },
);
