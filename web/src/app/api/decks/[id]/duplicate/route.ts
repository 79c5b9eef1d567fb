import { apiError, json } from '../../../../../server/api-response.ts';
import { duplicateDeck } from '../../../../../server/decks.ts';
import { teacherRouteWithId } from '../../../../../server/require-teacher.ts';

export const POST = teacherRouteWithId(async (teacherId, deckId) => {
  const copy = await duplicateDeck(teacherId, deckId);
  return copy
    ? json({ ok: true, id: copy.id }, 201)
    : apiError(404, 'not_found', 'This deck does not exist.');
});
