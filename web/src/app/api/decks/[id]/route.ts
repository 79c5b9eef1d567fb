import { deckSchema } from '@classpulse/realtime/protocol';
import { apiError, json, readJson, validationError } from '../../../../server/api-response.ts';
import { deleteDeck, getDeck, saveDeck } from '../../../../server/decks.ts';
import { teacherRouteWithId } from '../../../../server/require-teacher.ts';

export const GET = teacherRouteWithId(async (teacherId, deckId) => {
  const deck = await getDeck(teacherId, deckId);
  return deck
    ? json({ ok: true, ...deck })
    : apiError(404, 'not_found', 'This deck does not exist.');
});

/** Saves the whole deck; the protocol's deck schema is the one validation. */
export const PUT = teacherRouteWithId(async (teacherId, deckId, request) => {
  const deck = deckSchema.safeParse(await readJson(request));
  if (!deck.success) return validationError(deck.error);
  const saved = await saveDeck(teacherId, deckId, deck.data);
  return saved
    ? json({ ok: true, deck: deck.data })
    : apiError(404, 'not_found', 'This deck does not exist.');
});

export const DELETE = teacherRouteWithId(async (teacherId, deckId) =>
  (await deleteDeck(teacherId, deckId))
    ? new Response(null, { status: 204 })
    : apiError(404, 'not_found', 'This deck does not exist.'),
);
