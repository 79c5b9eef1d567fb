import { deckSchema } from '@classpulse/realtime/protocol';
import { webConfig } from '../../../../server/config.ts';
import { readJsonBody } from '../../../../server/request-body.ts';
import { apiError, json } from '../../../../server/api-response.ts';
import { deleteDeck, getDeck, saveDeck } from '../../../../server/decks.ts';
import { teacherRouteWithId } from '../../../../server/require-teacher.ts';

export const GET = teacherRouteWithId(async (teacherId, deckId) => {
  const found = await getDeck(teacherId, deckId);
  if (!found) return apiError(404, 'not_found', 'This deck does not exist.');
  const { ownerId: _owner, ...deck } = found;
  return json({ ok: true, ...deck });
});

/** Saves the whole deck; the protocol's deck schema is the one validation. */
export const PUT = teacherRouteWithId(async (teacherId, deckId, request) => {
  const deck = await readJsonBody(request, deckSchema, webConfig().http.bodyMaxBytes);
  if (!deck.ok) return deck.response;
  const saved = await saveDeck(teacherId, deckId, deck.data);
  if (saved === 'read-only')
    return apiError(403, 'read_only', 'This deck is shared with you to view: make a copy to edit.');
  return saved === 'saved'
    ? json({ ok: true, deck: deck.data })
    : apiError(404, 'not_found', 'This deck does not exist.');
});

/** Only the owner deletes a deck; for anyone else it does not exist. */
export const DELETE = teacherRouteWithId(async (teacherId, deckId) =>
  (await deleteDeck(teacherId, deckId))
    ? new Response(null, { status: 204 })
    : apiError(404, 'not_found', 'This deck does not exist.'),
);
