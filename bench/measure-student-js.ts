/**
 * Quick first-load JS figure of the student pages on the socket path (no Lighthouse):
 * `node bench/measure-student-js.ts` after a web build. The full bench is `npm run bench:web`.
 */
import { rmSync } from 'node:fs';
import { launchChromium } from '../web/test/support/browser.ts';
import { firstLoadJs } from '../web/test/support/first-load-js.ts';
import { signInCookie } from '../web/test/support/sign-in.ts';
import { startStack } from '../web/test/support/stack.ts';
import { joinedStudent } from './joined-student.ts';
import { ONE_QUESTION_DECK } from './one-question-deck.ts';

const KiB = 1024;
const stack = await startStack();
const browser = await launchChromium();
try {
  const cookie = await signInCookie(stack.webUrl, stack.owner!);
  const headers = { cookie, 'content-type': 'application/json' };
  const deck = (await (
    await fetch(`${stack.webUrl}/api/decks`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ title: ONE_QUESTION_DECK.title }),
    })
  ).json()) as { id: string };
  await fetch(`${stack.webUrl}/api/decks/${deck.id}`, {
    method: 'PUT',
    headers,
    body: JSON.stringify(ONE_QUESTION_DECK),
  });
  const { joinCode } = (await (
    await fetch(`${stack.webUrl}/api/sessions`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ deckId: deck.id }),
    })
  ).json()) as { joinCode: string };
  const url = `${stack.webUrl}/join/${joinCode}`;
  const returning = await joinedStudent(url);
  const rows = {
    '/join': await firstLoadJs(browser, `${stack.webUrl}/join`),
    '/join/[code] (new student)': await firstLoadJs(browser, url),
    '/join/[code] (answer, returning)': await firstLoadJs(browser, url, returning.storageState),
  };
  rmSync(returning.profileDir, { recursive: true, force: true });
  for (const [name, js] of Object.entries(rows))
    console.log(
      `${name.padEnd(36)} initial ${(js.initialBytes / KiB).toFixed(1)} KiB gzip, until idle ${(js.untilIdleBytes / KiB).toFixed(1)} KiB`,
    );
} finally {
  await browser.close();
  await stack.stop();
}
