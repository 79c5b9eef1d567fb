import { signInCookie } from '../web/test/support/sign-in.ts';
import type { Credentials } from '../web/test/support/stack.ts';
import { ONE_QUESTION_DECK } from './one-question-deck.ts';
import type { DeckInput } from '../realtime/src/protocol/index.ts';

/** Saves `input` as the owner's deck, starts a session on it, and returns its join code. */
export async function createJoinCode(
  webUrl: string,
  owner: Credentials,
  input: DeckInput = ONE_QUESTION_DECK,
): Promise<string> {
  const cookie = await signInCookie(webUrl, owner);
  const headers = { cookie, 'content-type': 'application/json' };
  const deck = (await (
    await fetch(`${webUrl}/api/decks`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ title: input.title }),
    })
  ).json()) as { id: string };
  const saved = await fetch(`${webUrl}/api/decks/${deck.id}`, {
    method: 'PUT',
    headers,
    body: JSON.stringify(input),
  });
  if (!saved.ok) throw new Error(`saving the bench deck failed: ${await saved.text()}`);
  const session = (await (
    await fetch(`${webUrl}/api/sessions`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ deckId: deck.id }),
    })
  ).json()) as { joinCode: string };
  return session.joinCode;
}
