/**
 * A parent's request where students sign in with their school account, in real Chromium against
 * a real OpenID provider on loopback: two students sign in and answer; the admin finds one by
 * school address (any case), whose export carries the address row the web tier keeps; once the
 * session ended, erasing her removes that row too (a search by her address finds nothing) and the
 * report CSV has neither her name nor her address, while her classmate's row is whole.
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
const PROMPT = 'Which river did we walk along?';

describe(
  'a student’s data on request, by school account, in Chromium',
  { timeout: 300_000 },
  () => {
    const suite = schoolSignInSuite(USERS, {
      OIDC_STUDENT_EMAIL_DOMAINS: 'students.district.test',
    });
    const contexts: BrowserContext[] = [];
    let cookie: string;
    let sessionId: string;
    let code: string;

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
    const reportCsv = async () =>
      parseCsv(await (await api(`/api/sessions/${sessionId}/report.csv`)).text());

    before(async () => {
      // The owner is the admin, and here also the teacher of the session.
      cookie = await signInCookie(suite.stack.webUrl, suite.stack.owner!);
      const created = await api('/api/decks', {
        method: 'POST',
        body: JSON.stringify({ title: 'Field trip' }),
      });
      const { id } = (await created.json()) as { id: string };
      const saved = await api(`/api/decks/${id}`, {
        method: 'PUT',
        body: JSON.stringify({
          title: 'Field trip',
          slides: [{ id: 'q1', title: 'River', question: { kind: 'short-text', prompt: PROMPT } }],
        }),
      });
      assert.equal(saved.status, 200, await saved.text());
      const started = await api('/api/sessions', {
        method: 'POST',
        body: JSON.stringify({
          deckId: id,
          settings: { pacing: 'instructor', latePolicy: 'allow', studentSignIn: true },
        }),
      });
      const startedText = await started.text();
      assert.equal(started.status, 201, startedText);
      ({ sessionId, joinCode: code } = JSON.parse(startedText) as {
        sessionId: string;
        joinCode: string;
      });
    });
    after(async () => {
      for (const c of contexts) await c.close().catch(() => undefined);
    });

    it('two students sign in with the school account and answer', async () => {
      for (const [login, answer] of [
        ['ada.student', 'The Thames'],
        ['bo.student', 'The Severn'],
      ] as const) {
        const p = await page();
        await p.goto(`/join/${code}`);
        await p.getByRole('link', { name: 'Sign in with Test District' }).click();
        await signInAtProvider(p, login, suite.stack.webUrl);
        await p.getByLabel(PROMPT).fill(answer);
        await p.getByRole('button', { name: 'Submit answer' }).click();
        await p.getByText('✓ Received').waitFor();
      }
      assert.deepEqual((await reportCsv()).slice(1), [
        ['Ada Student', 'ada@students.district.test', 'The Thames'],
        ['Bo Student', 'bo@students.district.test', 'The Severn'],
      ]);
    });

    it('the admin finds her by school address; her export carries the address row', async () => {
      const admin = await page();
      await signInInBrowser(admin, suite.stack.owner!);
      await admin.goto('/teacher/admin/students');
      const byEmail = admin.getByRole('form', { name: 'By school account' });
      await byEmail.getByLabel('School email address').fill('ADA@Students.District.test');
      await byEmail.getByRole('button', { name: 'Find by email' }).click();
      const found = admin.getByRole('table', { name: 'Students found' });
      const row = found.getByRole('row').filter({ hasText: 'Ada Student' });
      await row.getByText('ada@students.district.test').waitFor();
      assert.equal(await found.getByRole('row').count(), 2, 'a header and her row');
      await assertAccessible(admin, 'the student search by school address');

      const listed = (await (
        await api('/api/admin/students?email=ada@students.district.test')
      ).json()) as { students: Array<{ ref: string; name: string }> };
      assert.deepEqual(
        listed.students.map((s) => s.name),
        ['Ada Student'],
      );
      const exported = (await (
        await api(`/api/admin/students/export?s=${listed.students[0]!.ref}`)
      ).json()) as {
        sessions: Array<{
          signIn: { email: string } | null;
          answers: Array<{ answerText: string }>;
        }>;
      };
      assert.equal(exported.sessions[0]!.signIn?.email, 'ada@students.district.test');
      assert.deepEqual(
        exported.sessions[0]!.answers.map((a) => a.answerText),
        ['The Thames'],
      );
      assert.ok(!JSON.stringify(exported).includes('bo@students'), 'nothing of her classmate');
    });

    it('erasing her, once the session ended, takes the address row with her', async () => {
      const { token } = (await (await api(`/api/sessions/${sessionId}/teacher-token`)).json()) as {
        token: string;
      };
      const ended = await fetch(`${suite.stack.realtimeUrl}/v1/sessions/${sessionId}/commands`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ type: 'endSession' }),
      });
      assert.equal(ended.status, 200, await ended.text());

      const admin = await page();
      await signInInBrowser(admin, suite.stack.owner!);
      await admin.goto('/teacher/admin/students?email=ada%40students.district.test');
      await admin.getByRole('button', { name: 'Erase chosen…' }).click();
      await admin.getByLabel('Type the student’s name to confirm').fill('Ada Student');
      await admin.getByRole('button', { name: 'Erase for good' }).click();
      await admin.getByRole('status').filter({ hasText: 'Erased from 1 session.' }).waitFor();

      await admin.goto('/teacher/admin/students?email=ada%40students.district.test');
      await admin.getByRole('status').filter({ hasText: 'No student found.' }).waitFor();
      assert.deepEqual((await reportCsv()).slice(1), [
        ['Bo Student', 'bo@students.district.test', 'The Severn'],
      ]);
    });
  },
);
