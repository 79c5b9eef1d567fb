import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';

/**
 * A student joins `joinCode` by name in a browser context of their own (kept in `contexts` for the
 * suite to close). `clockBehindMs`: a device whose clock is behind, so its page thinks a timer or
 * a due time still runs while the server knows better.
 */
export async function joinStudent(
  browser: Browser,
  webUrl: string,
  contexts: BrowserContext[],
  joinCode: string,
  name: string,
  options: BrowserContextOptions = {},
  clockBehindMs = 0,
): Promise<Page> {
  const context = await browser.newContext({ baseURL: webUrl, ...options });
  contexts.push(context);
  if (clockBehindMs) await context.clock.install({ time: Date.now() - clockBehindMs });
  const page = await context.newPage();
  await page.goto(`/join/${joinCode}`);
  await page.getByLabel('Your name').fill(name);
  await page.getByRole('button', { name: 'Join' }).click();
  await page.getByRole('heading', { name, exact: true }).waitFor();
  return page;
}

/** `joinStudent` bound to a suite's browser, stack and contexts: `join(code, name, options?, behind?)`. */
export function studentJoiner(
  suite: { browser: Browser; stack: { webUrl: string } },
  contexts: BrowserContext[],
) {
  return (
    joinCode: string,
    name: string,
    options?: BrowserContextOptions,
    clockBehindMs?: number,
  ) =>
    joinStudent(
      suite.browser,
      suite.stack.webUrl,
      contexts,
      joinCode,
      name,
      options,
      clockBehindMs,
    );
}
