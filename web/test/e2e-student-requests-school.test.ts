/**
 * A parent's request where students sign in with their school account, in real Chromium against
 * a real OpenID provider on loopback: two students sign in to two sessions and answer in both;
 * the admin finds one by school address (any case) in both sessions, and her export holds every
 * answer of hers across them with the address row the web tier keeps, and nothing of her
 * classmate; once the sessions ended, erasing her removes that row too (a search by her address
 * finds nothing) and neither report CSV has her name or address, while her classmate's rows are
 * whole.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import { assertAccessible } from './support/browser.ts';
import { parseCsv } from './support/csv.ts';
import { signInAtProvider } from './support/oidc-provider.ts';
import { schoolSignInSuite } from './support/school-sign-in-suite.ts';
import { signInCookie, signInInBrowser } from './support/sign-in.ts';

const USERS = {
  'ada.student': { email: 'Ada@students.district.test', name: 'Ada Student' },
  'bo.student': { email: 'bo@students.district.test', name: 'Bo Student' },
};
/** Two classes, each one short-text question, and what each student answers in it. */
const CLASSES = [
  {
    title: 'Field trip',
    prompt: 'Which river did we walk along?',
    answers: { 'ada.student': 'The Thames', 'bo.student': 'The Severn' },
  },
  {
    title: 'Poetry',
    prompt: 'Your favourite line?',
    answers: { 'ada.student': 'Tyger Tyger, burning bright', 'bo.student': 'I wandered lonely' },
  },
] as const;
const ADA_EMAIL = 'ada@students.district.test';

interface Started {
  sessionId: string;
  joinCode: string;
}

describe(
  'a student’s data on request, by school account, in Chromium',
  { timeout: 300_000 },
  () => {
    const suite = schoolSignInSuite(USERS, {
      OIDC_STUDENT_EMAIL_DOMAINS: 'students.district.test',
    });
    const contexts: BrowserContext[] = [];
    const sessions: Started[] = [];
    let cookie: string;

    const page = async (): Promise<Page> => {
      const context = await suite.browser.newContext({
        baseURL: suite.stack.webUrl,
        viewport: { width: 1280, height: 900 },
      });
      contexts.push(context);
      return context.newPage();
    };
    const api = async (path: string, init: RequestInit = {}) =>
      fetch(`${suite.stack.webUrl}${path}`, {
        ...init,
        headers: { cookie, 'content-type': 'application/json', ...init.headers },
      });
    const reportCsv = async (sessionId: string) =>
      parseCsv(await (await api(`/api/sessions/${sessionId}/report.csv`)).text());

    before(async () => {
      // The owner is the admin, and here also the teacher of both sessions.
      cookie = await signInCookie(suite.stack.webUrl, suite.stack.owner!);
      for (const { title, prompt } of CLASSES) {
        const created = await api('/api/decks', {
          method: 'POST',
          body: JSON.stringify({ title }),
        });
        const { id } = (await created.json()) as { id: string };
        const saved = await api(`/api/decks/${id}`, {
          method: 'PUT',
          body: JSON.stringify({
            title,
            slides: [{ id: 'q1', title, question: { kind: 'short-text', prompt } }],
          }),
        });
        assert.equal(saved.status, 200);
        const started = await api('/api/sessions', {
          method: 'POST',
          body: JSON.stringify({
            deckId: id,
            settings: { pacing: 'instructor', latePolicy: 'allow', studentSignIn: true },
          }),
        });
        const text = await started.text();
        assert.equal(started.status, 201, text);
        sessions.push(JSON.parse(text) as Started);
      }
    });
    after(async () => {
      for (const c of contexts) await c.close().catch(() => undefined);
    });

    it('two students sign in to both classes with the school account and answer', async () => {
      for (const login of ['ada.student', 'bo.student'] as const) {
        const p = await page();
        for (const [i, { prompt, answers }] of CLASSES.entries()) {
          await p.goto(`/join/${sessions[i]!.joinCode}`);
          await p.getByRole('link', { name: 'Sign in with Test District' }).click();
          await signInAtProvider(p, login, suite.stack.webUrl);
          await p.getByLabel(prompt).fill(answers[login]);
          await p.getByRole('button', { name: 'Submit answer' }).click();
          await p.getByText('✓ Received').waitFor();
        }
      }
      for (const [i, { answers }] of CLASSES.entries())
        assert.deepEqual((await reportCsv(sessions[i]!.sessionId)).slice(1), [
          ['Ada Student', ADA_EMAIL, answers['ada.student']],
          ['Bo Student', 'bo@students.district.test', answers['bo.student']],
        ]);
    });

    it('the admin finds her by school address in both; her export holds all her answers and nothing of Bo', async () => {
      const admin = await page();
      await signInInBrowser(admin, suite.stack.owner!);
      await admin.goto('/teacher/admin/students');
      const byEmail = admin.getByRole('form', { name: 'By school account' });
      await byEmail.getByLabel('School email address').fill('ADA@Students.District.test');
      await byEmail.getByRole('button', { name: 'Find by email' }).click();
      const found = admin.getByRole('table', { name: 'Students found' });
      for (const { title } of CLASSES)
        await found.getByRole('row').filter({ hasText: title }).getByText(ADA_EMAIL).waitFor();
      assert.equal(await found.getByRole('row').count(), 3, 'a header and a row per session');
      await assertAccessible(admin, 'the student search by school address');

      const listed = (await (await api(`/api/admin/students?email=${ADA_EMAIL}`)).json()) as {
        students: Array<{ ref: string; name: string }>;
      };
      assert.deepEqual(
        listed.students.map((s) => s.name),
        ['Ada Student', 'Ada Student'],
      );
      const refs = listed.students.map((s) => `s=${s.ref}`).join('&');
      const response = await api(`/api/admin/students/export?${refs}`);
      const raw = await response.text();
      const exported = JSON.parse(raw) as {
        sessions: Array<{
          session: { id: string };
          signIn: { email: string } | null;
          answers: Array<{ prompt: string; answerText: string }>;
        }>;
      };
      assert.deepEqual(
        exported.sessions
          .map((s) => [s.signIn?.email, s.answers.map((a) => [a.prompt, a.answerText])])
          .sort(),
        CLASSES.map(({ prompt, answers }) => [
          ADA_EMAIL,
          [[prompt, answers['ada.student']]],
        ]).sort(),
      );
      for (const { answers } of CLASSES) assert.ok(!raw.includes(answers['bo.student']));
      assert.ok(!raw.includes('bo@students') && !raw.includes('Bo Student'), 'nothing of Bo');
    });

    it('erasing her from both, once they ended, takes her address rows with her', async () => {
      for (const { sessionId } of sessions) {
        const { token } = (await (
          await api(`/api/sessions/${sessionId}/teacher-token`)
        ).json()) as {
          token: string;
        };
        const ended = await fetch(`${suite.stack.realtimeUrl}/v1/sessions/${sessionId}/commands`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: JSON.stringify({ type: 'endSession' }),
        });
        assert.equal(ended.status, 200, await ended.text());
      }

      const admin = await page();
      await signInInBrowser(admin, suite.stack.owner!);
      const search = `/teacher/admin/students?email=${encodeURIComponent(ADA_EMAIL)}`;
      await admin.goto(search);
      await admin.getByRole('button', { name: 'Erase chosen…' }).click();
      await admin.getByLabel('Type the student’s name to confirm').fill('Ada Student');
      await admin.getByRole('button', { name: 'Erase for good' }).click();
      await admin.getByRole('status').filter({ hasText: 'Erased from 2 sessions.' }).waitFor();

      await admin.goto(search);
      await admin.getByRole('status').filter({ hasText: 'No student found.' }).waitFor();
      for (const [i, { answers }] of CLASSES.entries())
        assert.deepEqual((await reportCsv(sessions[i]!.sessionId)).slice(1), [
          ['Bo Student', 'bo@students.district.test', answers['bo.student']],
        ]);
    });
  },
);
