/**
 * Sharing and co-teaching in real Chromium: the owner shares a deck to view (the other teacher
 * copies it) and then to edit; the owner adds a co-teacher to a live session, who runs it from
 * their own dashboard while the owner watches; the report shows who did what; a co-teacher can
 * neither delete the session nor keep control once removed or disabled.
 */
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { assertAccessible } from './support/browser.ts';
import { chromiumSuite } from './support/chromium-suite.ts';
import { parseCsv } from './support/csv.ts';
import { colourDeck } from './support/fixtures.ts';
import { createTeacher, signInCookie, signInInBrowser } from './support/sign-in.ts';
import type { Credentials } from './support/stack.ts';

const ARTIFACTS = fileURLToPath(new URL('../test-artifacts', import.meta.url));
const CO: Credentials = {
  name: 'Cora Coteacher',
  email: 'cora@school.test',
  password: 'cora has a long password',
};

describe('deck sharing and co-teaching in Chromium', { timeout: 300_000 }, () => {
  const suite = chromiumSuite();
  let owner: Page;
  let cora: Page;
  let deckId: string;
  let sessionId: string;

  const page = async () =>
    (
      await suite.browser.newContext({
        baseURL: suite.stack.webUrl,
        viewport: { width: 1280, height: 900 },
      })
    ).newPage();
  const shot = (p: Page, name: string) =>
    p.screenshot({ path: join(ARTIFACTS, `co-teaching-${name}.png`), fullPage: true });

  before(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    await createTeacher(suite.stack.webUrl, suite.stack.owner!, CO);
    owner = await page();
    await signInInBrowser(owner, suite.stack.owner!);
    cora = await page();
    await signInInBrowser(cora, CO);
  });

  it('a deck shared to view is listed, read-only, and copied; shared to edit, it saves', async () => {
    const created = await owner.request.post('/api/decks', { data: { title: 'Colours' } });
    deckId = ((await created.json()) as { id: string }).id;
    assert.equal(
      (await owner.request.put(`/api/decks/${deckId}`, { data: colourDeck('Colours') })).status(),
      200,
    );
    await owner.goto(`/teacher/decks/${deckId}`);
    await owner.getByLabel('Teacher’s email').fill(CO.email);
    await owner.getByRole('button', { name: 'Share', exact: true }).click();
    await owner.getByRole('button', { name: `Stop sharing with ${CO.email}` }).waitFor();
    await assertAccessible(owner, 'deck editor with sharing');

    await cora.goto('/teacher');
    await cora.getByRole('heading', { name: 'Shared with you' }).waitFor();
    await cora.getByRole('link', { name: 'View Colours' }).click();
    await cora.getByText('shared this deck with you to view').waitFor();
    await assertAccessible(cora, 'shared deck preview');
    const readOnly = await cora.request.put(`/api/decks/${deckId}`, {
      data: colourDeck('Taken over'),
    });
    assert.equal(readOnly.status(), 403);
    assert.equal((await cora.request.delete(`/api/decks/${deckId}`)).status(), 404);
    await cora.getByRole('button', { name: 'Copy to my decks' }).click();
    await cora.getByLabel('Deck title').waitFor();
    assert.notEqual(cora.url(), `${suite.stack.webUrl}/teacher/decks/${deckId}`);

    const toEdit = await owner.request.post(`/api/decks/${deckId}/shares`, {
      data: { email: CO.email, permission: 'edit' },
    });
    assert.equal(toEdit.status(), 200);
    const edited = await cora.request.put(`/api/decks/${deckId}`, {
      data: colourDeck('Colours, improved'),
    });
    assert.equal(edited.status(), 200);
    const seen = (await (await owner.request.get(`/api/decks/${deckId}`)).json()) as {
      deck: { title: string };
    };
    assert.equal(seen.deck.title, 'Colours, improved');
  });

  it('a co-teacher runs the live session from their own dashboard; the owner sees it', async () => {
    await owner.goto('/teacher');
    await owner.getByRole('button', { name: 'Start session with Colours, improved' }).click();
    await owner.waitForURL(/\/teacher\/sessions\/[^/]+$/);
    sessionId = owner.url().split('/').pop()!;
    await owner.getByLabel('Co-teacher’s email').fill(CO.email);
    await owner.getByRole('button', { name: 'Add co-teacher' }).click();
    await owner.getByRole('button', { name: `Remove co-teacher ${CO.email}` }).waitFor();

    await cora.goto('/teacher');
    await cora
      .getByRole('link', { name: /Colours, improved/ })
      .last()
      .click();
    await cora.waitForURL(new RegExp(`/teacher/sessions/${sessionId}$`));
    await cora.getByText('You co-teach').waitFor();
    await cora.getByRole('button', { name: 'Next slide' }).click();
    await owner.getByText('Slide 2 of', { exact: false }).first().waitFor();
    await cora.getByRole('button', { name: 'Lock answers' }).click();
    await owner.getByRole('button', { name: 'Unlock answers' }).waitFor();
    await assertAccessible(cora, 'co-teacher dashboard');
    await shot(cora, 'dashboard');
  });

  it('the report shows who did what; only the owner may delete the session', async () => {
    await owner.goto(`/teacher/sessions/${sessionId}/report`);
    const actions = owner.getByRole('region', { name: 'Teacher actions, scrollable' });
    await actions.getByText('Moved the class to slide 2').waitFor();
    const rows = await actions.getByRole('row').allInnerTexts();
    assert.ok(rows.some((r) => r.includes(CO.name) && r.includes('Moved the class to slide 2')));
    assert.ok(rows.some((r) => r.includes(CO.name) && r.includes('Locked slide 2')));
    assert.ok(rows.some((r) => r.includes('Olivia Owner') && r.includes('co-teachers')));
    await assertAccessible(owner, 'report with teacher actions');
    await shot(owner, 'report');
    const csv = await owner.request.get(`/api/sessions/${sessionId}/audit.csv`);
    assert.ok(
      parseCsv(await csv.text()).some(
        (r) => r[1] === 'Cora Coteacher' && r[2] === 'Moved the class to slide 2',
      ),
    );

    await cora.goto(`/teacher/sessions/${sessionId}/report`);
    await cora.getByRole('heading', { name: 'Teacher actions' }).waitFor();
    assert.equal(await cora.getByRole('button', { name: 'Delete session' }).count(), 0);
    assert.equal((await cora.request.delete(`/api/sessions/${sessionId}`)).status(), 404);
    const coChange = await cora.request.post(`/api/sessions/${sessionId}/co-teachers`, {
      data: { email: 'owner@school.test', action: 'remove' },
    });
    assert.equal(coChange.status(), 403);
  });

  it('removed, the co-teacher loses the session; a teacher who never had it cannot reach it', async () => {
    const removed = await owner.request.post(`/api/sessions/${sessionId}/co-teachers`, {
      data: { email: CO.email, action: 'remove' },
    });
    assert.equal(removed.status(), 200);
    assert.equal(
      (await cora.request.get(`/api/sessions/${sessionId}/teacher-token`)).status(),
      404,
    );
    assert.equal((await cora.request.get(`/api/sessions/${sessionId}/report.csv`)).status(), 404);
    const page = await cora.goto(`/teacher/sessions/${sessionId}`);
    assert.equal(page?.status(), 404);
  });

  it('a disabled co-teacher gets no teacher token', async () => {
    const re = await owner.request.post(`/api/sessions/${sessionId}/co-teachers`, {
      data: { email: CO.email, action: 'add' },
    });
    assert.equal(re.status(), 200);
    assert.equal(
      (await cora.request.get(`/api/sessions/${sessionId}/teacher-token`)).status(),
      200,
    );
    const cookie = await signInCookie(suite.stack.webUrl, suite.stack.owner!);
    const overview = (await (
      await fetch(`${suite.stack.webUrl}/api/admin/accounts`, { headers: { cookie } })
    ).json()) as { accounts: Array<{ id: string; email: string }> };
    const coraId = overview.accounts.find((a) => a.email === CO.email)!.id;
    const disabled = await fetch(`${suite.stack.webUrl}/api/admin/accounts/${coraId}`, {
      method: 'PATCH',
      headers: { cookie, 'content-type': 'application/json' },
      body: JSON.stringify({ disabled: true }),
    });
    assert.equal(disabled.status, 200);
    assert.equal(
      (await cora.request.get(`/api/sessions/${sessionId}/teacher-token`)).status(),
      401,
    );
  });
});
