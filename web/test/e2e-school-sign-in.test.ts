/**
 * School sign-in (OpenID Connect) in real Chromium against a real OpenID provider on loopback
 * (oidc-provider): sign in and out, a wrong email domain and a disabled account refused, tampered
 * state, nonce and PKCE refused, and an ended sign-in that keeps the deck editor's unsaved edits.
 */
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import { assertAccessible } from './support/browser.ts';
import { signInAtProvider } from './support/oidc-provider.ts';
import { schoolSignInSuite } from './support/school-sign-in-suite.ts';
import { signInCookie } from './support/sign-in.ts';

const USERS = {
  'pat.teacher': { email: 'pat@district.test', name: 'Pat Teacher' },
  'ann.admin': { email: 'ann@district.test', name: 'Ann Admin' },
  'out.sider': { email: 'outsider@elsewhere.test', name: 'Out Sider' },
  'uv.teacher': { email: 'uv@district.test', name: 'Unverified', emailVerified: false },
};

describe('school sign-in through OpenID Connect in Chromium', { timeout: 300_000 }, () => {
  const suite = schoolSignInSuite(USERS, { OIDC_ADMIN_EMAILS: 'ann@district.test' });

  const contexts: BrowserContext[] = [];
  const page = async () => {
    const context = await suite.browser.newContext({ baseURL: suite.stack.webUrl });
    contexts.push(context);
    return context.newPage();
  };
  after(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
  });

  const atProvider = (p: Page, login: string) => signInAtProvider(p, login, suite.stack.webUrl);

  async function signInAtSchool(p: Page, login: string): Promise<void> {
    await p.goto('/teacher/login');
    await p.getByRole('link', { name: 'Sign in with Test District' }).click();
    await atProvider(p, login);
  }

  /** The provider's authorization URL the web app would send the browser to, flow cookie set. */
  async function authorizationUrl(p: Page): Promise<URL> {
    const started = await p.request.get('/api/auth/oidc/start', { maxRedirects: 0 });
    assert.equal(started.status(), 303);
    return new URL(started.headers().location!);
  }

  it('a teacher of an allowed domain signs in with the school account and out again', async () => {
    const p = await page();
    await p.goto('/teacher/login');
    await assertAccessible(p, 'sign-in page with school sign-in');
    await signInAtSchool(p, 'pat.teacher');
    await p.getByRole('heading', { name: 'Your decks' }).waitFor();
    await p.getByText('Signed in as Pat Teacher').waitFor();
    assert.equal(await p.getByRole('link', { name: 'Accounts' }).count(), 0, 'a teacher');
    await p.getByRole('button', { name: 'Sign out', exact: true }).click();
    await p.getByRole('heading', { name: 'Teacher sign-in' }).waitFor();
    assert.equal((await p.request.get('/api/decks')).status(), 401);
  });

  it("a teacher's chosen language comes back with a school sign-in on another device", async () => {
    const first = await page();
    await signInAtSchool(first, 'pat.teacher');
    await first.getByRole('heading', { name: 'Your decks' }).waitFor();
    const chosen = await first.request.put('/api/account/language', { data: { language: 'es' } });
    assert.equal(chosen.status(), 200);

    const other = await page();
    await signInAtSchool(other, 'pat.teacher');
    await other.getByRole('heading', { name: 'Tus presentaciones' }).waitFor();
    assert.equal(await other.evaluate(() => document.documentElement.lang), 'es');
    // English again for the tests that follow.
    await other.request.put('/api/account/language', { data: { language: 'en' } });
  });

  it('an address listed in OIDC_ADMIN_EMAILS becomes an admin at first sign-in', async () => {
    const p = await page();
    await signInAtSchool(p, 'ann.admin');
    await p.getByRole('link', { name: 'Accounts' }).waitFor();
  });

  it('refuses an email domain outside the allow-list, and an unverified address', async () => {
    const p = await page();
    await signInAtSchool(p, 'out.sider');
    await p.getByRole('alert').filter({ hasText: 'email domain is not allowed' }).waitFor();
    assert.equal((await p.request.get('/api/decks')).status(), 401);
    const q = await page();
    await signInAtSchool(q, 'uv.teacher');
    await q.getByRole('alert').filter({ hasText: 'not verified' }).waitFor();
    const cookie = await signInCookie(suite.stack.webUrl, suite.stack.owner!);
    const overview = (await (
      await fetch(`${suite.stack.webUrl}/api/admin/accounts`, { headers: { cookie } })
    ).json()) as { accounts: Array<{ email: string }> };
    const emails = overview.accounts.map((a) => a.email);
    assert.ok(!emails.includes('outsider@elsewhere.test'), 'no account was made');
    assert.ok(!emails.includes('uv@district.test'));
  });

  it('a disabled account is refused', async () => {
    const cookie = await signInCookie(suite.stack.webUrl, suite.stack.owner!);
    const overview = (await (
      await fetch(`${suite.stack.webUrl}/api/admin/accounts`, { headers: { cookie } })
    ).json()) as { accounts: Array<{ id: string; email: string }> };
    const pat = overview.accounts.find((a) => a.email === 'pat@district.test')!;
    const disabled = await fetch(`${suite.stack.webUrl}/api/admin/accounts/${pat.id}`, {
      method: 'PATCH',
      headers: { cookie, 'content-type': 'application/json' },
      body: JSON.stringify({ disabled: true }),
    });
    assert.equal(disabled.status, 200);
    const p = await page();
    await signInAtSchool(p, 'pat.teacher');
    await p.getByRole('alert').filter({ hasText: 'disabled' }).waitFor();
    await fetch(`${suite.stack.webUrl}/api/admin/accounts/${pat.id}`, {
      method: 'PATCH',
      headers: { cookie, 'content-type': 'application/json' },
      body: JSON.stringify({ disabled: false }),
    });
  });

  for (const [what, tamper] of [
    ['state', (url: URL) => url.searchParams.set('state', 'forged-state-value')],
    ['nonce', (url: URL) => url.searchParams.set('nonce', 'forged-nonce-value')],
    [
      'PKCE challenge',
      (url: URL) =>
        url.searchParams.set('code_challenge', 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM'),
    ],
  ] as const)
    it(`refuses a sign-in whose ${what} was tampered with`, async () => {
      const p = await page();
      const url = await authorizationUrl(p);
      tamper(url);
      await p.goto(url.href);
      await atProvider(p, 'pat.teacher');
      await p.getByRole('alert').filter({ hasText: 'could not be verified' }).waitFor();
      assert.equal((await p.request.get('/api/decks')).status(), 401);
    });

  it('refuses a callback without the flow that started it (another browser, or replayed)', async () => {
    const p = await page();
    await p.goto('/api/auth/oidc/callback?code=stolen&state=whatever');
    await p
      .getByRole('alert')
      .filter({ hasText: 'took too long or came from another tab' })
      .waitFor();
  });

  it('an ended sign-in sends the teacher to sign in again without losing unsaved deck edits', async () => {
    const p = await page();
    await signInAtSchool(p, 'pat.teacher');
    await p.getByRole('heading', { name: 'Your decks' }).waitFor();
    await p.getByLabel('New deck title').fill('Volcanoes');
    await p.getByRole('button', { name: 'Create deck' }).click();
    // An edit the editor registered (typing before it is interactive is not this test's subject).
    const unsaved = p.getByRole('status').filter({ hasText: 'Unsaved changes' });
    for (let i = 0; i < 20 && !(await unsaved.isVisible()); i++) {
      await p.getByLabel('Deck title').fill('Volcanoes, edited before the sign-in ended');
      await unsaved.waitFor({ timeout: 500 }).catch(() => undefined);
    }
    await unsaved.waitFor();

    // The sign-in ends elsewhere (another browser signs out everywhere).
    const other = await page();
    await signInAtSchool(other, 'pat.teacher');
    await other.getByRole('button', { name: 'Sign out everywhere' }).click();
    await other.getByRole('heading', { name: 'Teacher sign-in' }).waitFor();

    await p.getByRole('button', { name: 'Save', exact: true }).click();
    const again = p.getByRole('link', { name: /Sign in again/ });
    await again.waitFor();
    assert.equal(
      await p.getByLabel('Deck title').inputValue(),
      'Volcanoes, edited before the sign-in ended',
      'the edit is still on the page',
    );
    const [signIn] = await Promise.all([p.context().waitForEvent('page'), again.click()]);
    await signIn.getByRole('link', { name: 'Sign in with Test District' }).click();
    await atProvider(signIn, 'pat.teacher');
    await signIn.getByRole('heading', { name: 'Your decks' }).waitFor();
    await p.getByRole('button', { name: 'Save', exact: true }).click();
    await p.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
    await p.reload();
    assert.equal(
      await p.getByLabel('Deck title').inputValue(),
      'Volcanoes, edited before the sign-in ended',
    );
  });
});
