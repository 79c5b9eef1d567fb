import type { Deck } from '@classpulse/realtime/protocol';

export type SaveResult =
  | { ok: true }
  | {
      ok: false;
      code: string;
      message: string;
      issues?: Array<{ path: string; message: string }>;
    };

/** PUT /api/decks/:id. Never throws: network failures and non-JSON answers become a failure. */
export async function saveDeckRequest(deckId: string, deck: Deck): Promise<SaveResult> {
  let res: Response;
  try {
    res = await fetch(`/api/decks/${encodeURIComponent(deckId)}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(deck),
    });
  } catch {
    return { ok: false, code: 'network', message: 'No connection to the server. Try again.' };
  }
  const body = (await res.json().catch(() => null)) as Partial<SaveResult> | null;
  if (res.ok && body?.ok) return { ok: true };
  if (body && body.ok === false && typeof body.message === 'string') {
    return body as SaveResult;
  }
  return {
    ok: false,
    code: `http_${res.status}`,
    message: `The server could not save the deck (error ${res.status}). Try again.`,
  };
}
