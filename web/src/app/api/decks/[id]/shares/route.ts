import { z } from 'zod';
import { readJsonBody } from '../../../../../server/request-body.ts';
import { json } from '../../../../../server/api-response.ts';
import { emailField } from '../../../../../server/accounts/fields.ts';
import { failureResponse } from '../../../../../server/accounts/responses.ts';
import { deckShares, shareDeck } from '../../../../../server/deck-sharing.ts';
import { teacherRouteWithId } from '../../../../../server/require-teacher.ts';

const bodySchema = z.object({
  email: emailField,
  permission: z.enum(['view', 'edit', 'none']),
});

/** The owner's list of who the deck is shared with. */
export const GET = teacherRouteWithId(async (teacherId, deckId) => {
  const result = await deckShares(teacherId, deckId);
  return result.ok ? json(result) : failureResponse(result);
});

/** The owner shares the deck with a teacher (view or edit), or stops sharing it (none). */
export const POST = teacherRouteWithId(async (teacherId, deckId, request) => {
  const body = await readJsonBody(request, bodySchema);
  if (!body.ok) return body.response;
  const result = await shareDeck(teacherId, deckId, body.data.email, body.data.permission);
  return result.ok ? json(result) : failureResponse(result);
});
