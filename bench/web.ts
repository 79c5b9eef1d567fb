/**
 * npm run bench:web — first-load JS of the student pages against a blank Next.js page built in
 * the same run, and Lighthouse (mobile) for /join and the student answer page. Budgets from
 * DESIGN.md: student first-load JS ≤ 150 KiB gzip on the socket path; performance ≥ 95,
 * TBT ≤ 150 ms, CLS 0. Prints the figures; exits 1 when a budget is missed.
 */
import { launchChromium } from '../web/test/support/browser.ts';
import { startStack } from '../web/test/support/stack.ts';
import { startBlankNext } from './blank-next.ts';
import { firstLoadJsGzipBytes } from './first-load-js.ts';
import { lighthouseMobile } from './lighthouse-mobile.ts';

const KiB = 1024;
const BUDGET_JS_KIB = 150;

async function createJoinCode(webUrl: string, secret: string): Promise<string> {
  const login = await fetch(`${webUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ secret }),
  });
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const headers = { cookie, 'content-type': 'application/json' };
  const deck = (await (
    await fetch(`${webUrl}/api/decks`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ title: 'Bench' }),
    })
  ).json()) as { id: string };
  const session = (await (
    await fetch(`${webUrl}/api/sessions`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ deckId: deck.id }),
    })
  ).json()) as { joinCode: string };
  return session.joinCode;
}

// Everything started is stopped again, even when a later step fails.
const cleanup: Array<() => Promise<void>> = [];
try {
  const stack = await startStack();
  cleanup.push(() => stack.stop());
  const blank = await startBlankNext();
  cleanup.push(() => blank.stop());
  const browser = await launchChromium();
  cleanup.push(() => browser.close());
  const joinCode = await createJoinCode(stack.webUrl, stack.teacherSecret);
  const pages = {
    blank: blank.url,
    join: `${stack.webUrl}/join`,
    student: `${stack.webUrl}/join/${joinCode}`,
  };

  const js = {
    blank: await firstLoadJsGzipBytes(browser, pages.blank),
    join: await firstLoadJsGzipBytes(browser, pages.join),
    student: await firstLoadJsGzipBytes(browser, pages.student),
  };
  const lh = {
    blank: await lighthouseMobile(pages.blank),
    join: await lighthouseMobile(pages.join),
    student: await lighthouseMobile(pages.student),
  };

  const rows = (['blank', 'join', 'student'] as const).map((name) => ({
    page:
      name === 'blank'
        ? 'blank Next.js page (baseline)'
        : name === 'join'
          ? '/join'
          : '/join/[code] (student)',
    'first-load JS (KiB gzip)': (js[name] / KiB).toFixed(1),
    'vs blank': `${(js[name] / js.blank).toFixed(2)}×`,
    'Lighthouse perf': lh[name].performance,
    'TBT (ms)': lh[name].totalBlockingTimeMs,
    CLS: lh[name].cumulativeLayoutShift.toFixed(3),
    'LCP (ms)': lh[name].largestContentfulPaintMs,
  }));
  console.log(
    '\nnpm run bench:web — student pages vs a blank Next.js page, same machine, same run\n',
  );
  console.table(rows);

  const failures: string[] = [];
  for (const name of ['join', 'student'] as const) {
    if (js[name] / KiB > BUDGET_JS_KIB)
      failures.push(
        `${name}: first-load JS ${(js[name] / KiB).toFixed(1)} KiB > ${BUDGET_JS_KIB} KiB`,
      );
    if (lh[name].performance < 95)
      failures.push(`${name}: Lighthouse performance ${lh[name].performance} < 95`);
    if (lh[name].totalBlockingTimeMs > 150)
      failures.push(`${name}: TBT ${lh[name].totalBlockingTimeMs} ms > 150 ms`);
    if (lh[name].cumulativeLayoutShift > 0)
      failures.push(`${name}: CLS ${lh[name].cumulativeLayoutShift} > 0`);
  }
  console.log(
    failures.length === 0 ? '\nAll budgets met.' : `\nBudgets missed:\n  ${failures.join('\n  ')}`,
  );
  process.exitCode = failures.length === 0 ? 0 : 1;
} finally {
  for (const stop of cleanup.reverse()) await stop().catch(() => undefined);
}
