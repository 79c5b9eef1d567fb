import type { DeckInput } from '@classpulse/realtime/protocol';

/** Saves `deck` as a new deck of the signed-in teacher and starts a session of it. */
export async function startSessionOf(
  webUrl: string,
  cookie: string,
  deck: DeckInput,
): Promise<{ sessionId: string; joinCode: string }> {
  const headers = { cookie, 'content-type': 'application/json' };
  const created = await fetch(`${webUrl}/api/decks`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ title: deck.title }),
  });
  const { id } = (await created.json()) as { id: string };
  const saved = await fetch(`${webUrl}/api/decks/${id}`, {
    method: 'PUT',
    headers,
    body: JSON.stringify(deck),
  });
  if (!saved.ok) throw new Error(`saving the bench deck failed: ${await saved.text()}`);
  const session = await fetch(`${webUrl}/api/sessions`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ deckId: id }),
  });
  if (!session.ok) throw new Error(`starting the session failed: ${await session.text()}`);
  return (await session.json()) as { sessionId: string; joinCode: string };
}
