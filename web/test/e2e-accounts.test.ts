/**
 * Teacher accounts in real Chromium against the embedded stack: the owner's setup link, an
 * invitation, what a teacher can and cannot reach, disabling, password resets, "sign out
 * everywhere", cookie attributes, the Origin check, sign-in rate limits, and a data folder from
 * the last release before accounts upgrading in place.
 */
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { assertAccessible } from './support/browser.ts';
import { chromiumSuite } from './support/chromium-suite.ts';
import { writeReleasedDataFolder } from './support/released-data-folder.ts';
import { signInCookie, signInInBrowser } from './support/sign-in.ts';
import { OWNER, startStack, type Credentials } from './support/stack.ts';

const ARTIFACTS = fileURLToPath(new URL('../test-artifacts', import.meta.url));
const BEA: Credentials = {
  name: 'Bea Teacher',
  email: 'bea@school.test',
  password: 'bea has a long password',
};

describe('teacher accounts in Chromium', { timeout: 300_000 }, () => {
  const suite = chromiumSuite(() => startStack({}, { owner: false }));
  let ownerPage: Page;
  let ownerDeckId: string;
  let beaContext: BrowserContext;

  const newPage = async (width = 1280) =>
    (
      await suite.browser.newContext({
        baseURL: suite.stack.webUrl,
        viewport: { width, height: 800 },
      })
    ).newPage();
  const shot = (page: Page, name: string) =>
    page.screenshot({ path: join(ARTIFACTS, `accounts-${name}.png`), fullPage: true });
  const api = (path: string, init: RequestInit = {}) => fetch(`${suite.stack.webUrl}${path}`, init);

  before(() => mkdirSync(ARTIFACTS, { recursive: true }));

  it('the first start prints a one-time setup link that creates the owner', async () => {
    const setupUrl = suite.stack.setupUrl;
    assert.ok(setupUrl, 'the launcher printed a setup link');
    assert.match(setupUrl, /\/setup#[A-Za-z0-9_-]{43}$/);
    ownerPage = await newPage(360);
    // The launcher prints it for localhost; the suite's pages live on 127.0.0.1 (cookies are per host).
    const { pathname, hash } = new URL(setupUrl);
    await ownerPage.goto(`${pathname}${hash}`);
    await ownerPage.getByLabel('Your name').fill(OWNER.name);
    await ownerPage.getByLabel('Email').fill(OWNER.email);
    await ownerPage.getByLabel('Password').fill('short');
    await ownerPage.getByRole('button', { name: 'Create owner account' }).click();
    await ownerPage.getByText('at least 10 characters', { exact: false }).first().waitFor();
    await assertAccessible(ownerPage, 'setup page');
    await shot(ownerPage, 'setup-phone');
    await ownerPage.getByLabel('Password').fill(OWNER.password);
    await ownerPage.getByRole('button', { name: 'Create owner account' }).click();
    await ownerPage.getByRole('heading', { name: 'Your decks' }).waitFor();
    await ownerPage.getByText(`Signed in as ${OWNER.name}`).waitFor();
    await assertAccessible(ownerPage, 'library with the account menu');
    await shot(ownerPage, 'library-phone');
    await ownerPage.setViewportSize({ width: 1280, height: 800 });

    const again = await newPage();
    await again.goto(`${pathname}${hash}`);
    await again.getByRole('alert').filter({ hasText: 'used or has expired' }).waitFor();
    await again.context().close();
  });

  it('the owner invites a teacher, who joins by the link and reaches only their own decks', async () => {
    const created = await ownerPage.request.post('/api/decks', { data: { title: 'Owner only' } });
    assert.equal(created.status(), 201);
    ownerDeckId = ((await created.json()) as { id: string }).id;

    await ownerPage.goto('/teacher');
    await ownerPage.getByRole('link', { name: 'Accounts' }).click();
    await ownerPage.getByRole('heading', { name: 'Accounts' }).waitFor();
    await ownerPage.getByLabel('Email').fill(BEA.email);
    await ownerPage.getByRole('button', { name: 'Create invitation' }).click();
    const link = ownerPage.getByLabel(`Invitation link for ${BEA.email}`);
    await link.waitFor();
    const invitationUrl = await link.inputValue();
    assert.match(invitationUrl, /\/invitation#[A-Za-z0-9_-]{43}$/);
    await ownerPage.getByRole('button', { name: `Revoke invitation for ${BEA.email}` }).waitFor();
    await assertAccessible(ownerPage, 'admin page');
    await shot(ownerPage, 'admin');

    const bea = await newPage();
    beaContext = bea.context();
    await bea.goto(invitationUrl);
    await bea.getByText(`Account: ${BEA.email}`).waitFor();
    await bea.getByLabel('Your name').fill(BEA.name);
    await bea.getByLabel('Password').fill(BEA.password);
    await assertAccessible(bea, 'invitation page');
    await bea.getByRole('button', { name: 'Create my account' }).click();
    await bea.getByRole('heading', { name: 'Your decks' }).waitFor();
    assert.equal(await bea.getByText('Owner only').count(), 0, "the owner's deck is not listed");
    assert.equal(await bea.getByRole('link', { name: 'Accounts' }).count(), 0);

    for (const [method, data] of [
      ['GET', undefined],
      ['PUT', { title: 'Taken', slides: [{ id: 'x', title: 'x' }] }],
      ['DELETE', undefined],
    ] as const) {
      const response = await bea.request.fetch(`/api/decks/${ownerDeckId}`, {
        method,
        ...(data ? { data } : {}),
      });
      assert.equal(response.status(), 404, `${method} of another teacher's deck`);
    }
    assert.equal((await bea.request.get('/api/admin/accounts')).status(), 403);
    const adminPage = await bea.goto('/teacher/admin');
    assert.equal(adminPage?.status(), 404);
    const still = await ownerPage.request.get(`/api/decks/${ownerDeckId}`);
    assert.equal(still.status(), 200, 'the deck is untouched');
  });

  it('disabling an account ends its sign-in; enabling it lets it back', async () => {
    const bea = await beaContext.newPage();
    assert.equal((await bea.request.get('/api/decks')).status(), 200);
    await ownerPage.reload();
    await ownerPage.getByRole('button', { name: `Disable ${BEA.email}` }).click();
    await ownerPage.getByRole('button', { name: `Enable ${BEA.email}` }).waitFor();
    assert.equal((await bea.request.get('/api/decks')).status(), 401);
    await bea.goto('/teacher');
    await bea.getByRole('heading', { name: 'Teacher sign-in' }).waitFor();
    await bea.getByLabel('Email').fill(BEA.email);
    await bea.getByLabel('Password').fill(BEA.password);
    await bea.getByRole('button', { name: 'Sign in' }).click();
    await bea.getByRole('alert').filter({ hasText: 'disabled' }).waitFor();

    await ownerPage.getByRole('button', { name: `Enable ${BEA.email}` }).click();
    await ownerPage.getByRole('button', { name: `Disable ${BEA.email}` }).waitFor();
    await signInInBrowser(bea, BEA);
  });

  it('the last admin cannot be disabled or demoted, not even by themself', async () => {
    const cookie = await signInCookie(suite.stack.webUrl, OWNER);
    const overview = (await (await api('/api/admin/accounts', { headers: { cookie } })).json()) as {
      accounts: Array<{ id: string; email: string }>;
    };
    const ownerId = overview.accounts.find((a) => a.email === OWNER.email)!.id;
    const own = await api(`/api/admin/accounts/${ownerId}`, {
      method: 'PATCH',
      headers: { cookie, 'content-type': 'application/json' },
      body: JSON.stringify({ disabled: true }),
    });
    assert.equal(own.status, 409);
  });

  it('a password reset link sets a new password and ends the old sign-ins', async () => {
    const signedIn = await beaContext.newPage();
    assert.equal((await signedIn.request.get('/api/decks')).status(), 200);
    await ownerPage.reload();
    await ownerPage.getByRole('button', { name: `Reset password for ${BEA.email}` }).click();
    const field = ownerPage.getByLabel(`Password reset link for ${BEA.email}`);
    await field.waitFor();
    const resetUrl = await field.inputValue();

    const elsewhere = await newPage();
    await elsewhere.goto(resetUrl);
    await elsewhere.getByText(`Account: ${BEA.email}`).waitFor();
    BEA.password = 'a brand new password for bea';
    await elsewhere.getByLabel('New password').fill(BEA.password);
    await elsewhere.getByRole('button', { name: 'Set password' }).click();
    await elsewhere.getByRole('heading', { name: 'Your decks' }).waitFor();
    assert.equal((await signedIn.request.get('/api/decks')).status(), 401, 'old sign-in ended');
    const old = await api('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: BEA.email, password: 'bea has a long password' }),
    });
    assert.equal(old.status, 401);
    await signInInBrowser(await beaContext.newPage(), BEA);
    await elsewhere.context().close();
  });

  it("'Sign out everywhere' ends the account's sign-in in every browser", async () => {
    const here = await beaContext.newPage();
    const there = await newPage();
    await signInInBrowser(there, BEA);
    await here.goto('/teacher');
    await here.getByRole('button', { name: 'Sign out everywhere' }).click();
    await here.getByRole('heading', { name: 'Teacher sign-in' }).waitFor();
    assert.equal((await there.request.get('/api/decks')).status(), 401);
    await there.reload();
    await there.getByRole('heading', { name: 'Teacher sign-in' }).waitFor();
    await there.context().close();
  });

  it('the sign-in cookie is HttpOnly and SameSite=Lax, and Secure when served over HTTPS', async () => {
    const login = (headers: Record<string, string>) =>
      api('/api/auth/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ email: OWNER.email, password: OWNER.password }),
      });
    const plain = (await login({})).headers.get('set-cookie') ?? '';
    assert.match(plain, /^cp_session=[^;]+;/);
    assert.match(plain, /HttpOnly/);
    assert.match(plain, /SameSite=Lax/);
    assert.doesNotMatch(plain, /Secure/);
    const tls = (await login({ 'x-forwarded-proto': 'https' })).headers.get('set-cookie') ?? '';
    assert.match(tls, /; Secure/);
  });

  it('a request from another site changes nothing', async () => {
    const cookie = await signInCookie(suite.stack.webUrl, OWNER);
    const post = (headers: Record<string, string>) =>
      api('/api/decks', {
        method: 'POST',
        headers: { cookie, 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ title: 'Forged' }),
      });
    const forged = await post({ origin: 'https://evil.example' });
    assert.equal(forged.status, 403);
    assert.equal(((await forged.json()) as { code: string }).code, 'cross_origin');
    assert.equal((await post({ 'sec-fetch-site': 'cross-site' })).status, 403);
    assert.equal((await post({ origin: 'null' })).status, 403);
    const everywhere = await api('/api/auth/logout-everywhere', {
      method: 'POST',
      headers: { cookie, origin: 'https://evil.example' },
    });
    assert.equal(everywhere.status, 403);
    assert.equal((await post({ origin: suite.stack.webUrl })).status, 201);
    const decks = (await (await api('/api/decks', { headers: { cookie } })).json()) as {
      decks: Array<{ title: string }>;
    };
    assert.equal(decks.decks.filter((d) => d.title === 'Forged').length, 1);
  });

  it('the old shared teacher secret is refused with an explanation', async () => {
    const response = await api('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ secret: 'abcde-fghjk-mnpqr-stuvw' }),
    });
    assert.equal(response.status, 410);
    assert.match(((await response.json()) as { message: string }).message, /no longer signs in/);
  });

  it('guessing a password is rate limited per account, and others still sign in', async () => {
    const attempt = (email: string, password: string) =>
      api('/api/auth/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password }),
      });
    for (let i = 0; i < 10; i++)
      assert.equal((await attempt(OWNER.email, `wrong guess ${i}`)).status, 401);
    const limited = await attempt(OWNER.email, OWNER.password);
    assert.equal(limited.status, 429, 'even the right password waits');
    assert.ok(Number(limited.headers.get('retry-after')) > 0);
    assert.equal((await attempt(BEA.email, BEA.password)).status, 200);
  });
});

describe('a data folder from the last release before accounts', { timeout: 300_000 }, () => {
  const suite = chromiumSuite(() => startStack({}, { seed: writeReleasedDataFolder }));

  it("opens in place: the sign-in page says the secret is over, and the old decks are the owner's", async () => {
    const page = await (await suite.browser.newContext({ baseURL: suite.stack.webUrl })).newPage();
    await page.goto('/teacher/login');
    await page.getByText('The teacher secret no longer signs in').waitFor();
    await assertAccessible(page, 'sign-in after the upgrade');
    await signInInBrowser(page, suite.stack.owner!);
    await page.getByRole('button', { name: 'Start session with Photosynthesis' }).waitFor();
    await page.getByText('PLANTS').first().waitFor();
  });
});
