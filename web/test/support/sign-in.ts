import type { Page } from 'playwright-core';
import type { Credentials } from './stack.ts';

/** Signs in on the sign-in page as a teacher would, and waits for the deck library. */
export async function signInInBrowser(page: Page, who: Credentials): Promise<void> {
  await page.goto('/teacher/login');
  await page.getByLabel('Email').fill(who.email);
  await page.getByLabel('Password').fill(who.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Your decks' }).waitFor();
}

/** Signs in through the API; the answer's cookie, ready for a `cookie` request header. */
export async function signInCookie(webUrl: string, who: Credentials): Promise<string> {
  const response = await fetch(`${webUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: who.email, password: who.password }),
  });
  if (!response.ok) throw new Error(`sign-in failed: ${await response.text()}`);
  return (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
}

/** An admin invites `who`, who accepts at once: a second teacher of the deployment. */
export async function createTeacher(
  webUrl: string,
  admin: Credentials,
  who: Credentials,
): Promise<void> {
  const cookie = await signInCookie(webUrl, admin);
  const invited = await fetch(`${webUrl}/api/admin/invitations`, {
    method: 'POST',
    headers: { cookie, 'content-type': 'application/json' },
    body: JSON.stringify({ email: who.email }),
  });
  if (!invited.ok) throw new Error(`inviting failed: ${await invited.text()}`);
  const { url } = (await invited.json()) as { url: string };
  const accepted = await fetch(`${webUrl}/api/invitations/accept`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      token: new URL(url).hash.slice(1),
      name: who.name,
      password: who.password,
    }),
  });
  if (!accepted.ok) throw new Error(`accepting failed: ${await accepted.text()}`);
}
